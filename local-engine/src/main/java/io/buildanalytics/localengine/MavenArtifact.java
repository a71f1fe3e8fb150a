package io.buildanalytics.localengine;

/** One Maven artifact and where it lives in a Maven repository (local or remote: the layout is the same). */
record MavenArtifact(String groupId, String artifactId, String version, String extension) {

    static MavenArtifact distribution(EngineKind kind, String version) {
        return new MavenArtifact(kind.groupId(), kind.artifactId(), version, "zip");
    }

    String fileName() {
        return artifactId + "-" + version + "." + extension;
    }

    /** Path relative to the repository root, always with '/' so it also serves as a URL path. */
    String repositoryPath() {
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + fileName();
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version + ":" + extension;
    }
}
