/** How emotions and deliveries change a voice: one table that every engine maps onto its own controls. */
@ai.gaga.Internal
package ai.gaga.voice.prosody;
