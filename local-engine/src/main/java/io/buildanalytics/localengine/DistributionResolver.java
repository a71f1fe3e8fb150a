package io.buildanalytics.localengine;

import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the distribution zip of an engine: an explicitly given path, then the path the build resolved
 * (system property), then the local Maven repository, and only then a download from the remote repository.
 */
final class DistributionResolver {

    private static final System.Logger LOG = System.getLogger(DistributionResolver.class.getName());

    private final RunnerConfiguration configuration;

    DistributionResolver(RunnerConfiguration configuration) {
        this.configuration = configuration;
    }

    Path resolve(EngineKind kind, String version, Optional<Path> explicitZip) {
        if (explicitZip.isPresent()) {
            return requireFile(explicitZip.get(), "the zip given in EngineOptions");
        }
        // The build resolves the default version only; for any other version the property points at the wrong zip.
        if (version.equals(kind.defaultVersion())) {
            Optional<Path> fromBuild = configuration.distributionZip(kind);
            if (fromBuild.isPresent()) {
                return requireFile(fromBuild.get(), "system property " + kind.zipProperty());
            }
        }
        MavenArtifact artifact = MavenArtifact.distribution(kind, version);
        Path localRepository = configuration.localRepository();
        Path local = localRepository.resolve(artifact.repositoryPath());
        if (Files.isRegularFile(local)) {
            return local;
        }
        LOG.log(Level.INFO, "Downloading {0} from {1} into {2}", artifact, configuration.remoteRepository(),
                localRepository);
        try {
            return new ArtifactDownloader(configuration.remoteRepository()).download(artifact, localRepository);
        } catch (LocalEngineException e) {
            throw new LocalEngineException("Cannot find " + artifact + ": not set in system property "
                    + kind.zipProperty() + ", not in the local repository (" + local + "), and the download failed: "
                    + e.getMessage(), e);
        }
    }

    private static Path requireFile(Path zip, String source) {
        if (!Files.isRegularFile(zip)) {
            throw new LocalEngineException("The engine distribution " + zip + " from " + source + " does not exist");
        }
        return zip;
    }
}
