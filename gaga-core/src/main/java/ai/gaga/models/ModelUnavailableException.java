package ai.gaga.models;

import ai.gaga.GagaException;

import java.util.List;

/** A model could not be found or failed verification. Says where GAGA looked and how to supply the file. */
public class ModelUnavailableException extends GagaException {
    private final String modelId;
    private final List<String> searched;

    public ModelUnavailableException(String modelId, String problem, List<String> searched, String howToFix) {
        this(modelId, problem, searched, howToFix, null);
    }

    public ModelUnavailableException(String modelId, String problem, List<String> searched, String howToFix,
                                     Throwable cause) {
        super("Model '" + modelId + "' " + problem + ". Searched: "
                + (searched.isEmpty() ? "nothing" : String.join(", ", searched)) + ". " + howToFix, cause);
        this.modelId = modelId;
        this.searched = List.copyOf(searched);
    }

    public String modelId() {
        return modelId;
    }

    /** The places looked at, in order. */
    public List<String> searched() {
        return searched;
    }
}
