package jetbrains.buildServer;

public class BuildProblemData {

    private final String identity;
    private final String type;
    private final String description;

    private BuildProblemData(String identity, String type, String description) {
        if (identity == null || identity.isEmpty()) {
            throw new IllegalArgumentException("identity must not be null or empty");
        }
        if (type == null || type.isEmpty()) {
            throw new IllegalArgumentException("type must not be null or empty");
        }
        if (description == null) {
            throw new IllegalArgumentException("description must not be null");
        }
        this.identity = identity;
        this.type = type;
        this.description = description;
    }

    public static BuildProblemData createBuildProblem(String identity, String type, String description) {
        return new BuildProblemData(identity, type, description);
    }

    public String getType() {
        return type;
    }

    @Override
    public String toString() {
        return "[" + type + "] " + identity + ": " + description;
    }
}
