package hudson.model;

import java.io.Serializable;

public final class Result implements Serializable {

    public static final Result SUCCESS = new Result("SUCCESS", 0, true);
    public static final Result UNSTABLE = new Result("UNSTABLE", 1, true);
    public static final Result FAILURE = new Result("FAILURE", 2, true);
    public static final Result NOT_BUILT = new Result("NOT_BUILT", 3, false);
    public static final Result ABORTED = new Result("ABORTED", 4, false);

    private final String name;
    public final int ordinal;
    public final boolean completeBuild;

    private Result(String name, int ordinal, boolean complete) {
        this.name = name;
        this.ordinal = ordinal;
        this.completeBuild = complete;
    }

    public boolean isCompleteBuild() {
        return completeBuild;
    }

    @Override
    public String toString() {
        return name;
    }
}
