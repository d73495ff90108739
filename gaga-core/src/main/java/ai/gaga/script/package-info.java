/**
 * The Fountain-lite script parser and writer behind {@link ai.gaga.scene.Scene#parse}. Internal: parse scripts with
 * {@code Scene.parse}; errors arrive as {@link ai.gaga.ScriptException} with their line and column.
 */
@ai.gaga.Internal
package ai.gaga.script;
