package io.buildanalytics.teamcity.settings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import jetbrains.buildServer.serverSide.crypt.EncryptUtil;

/**
 * The settings file, {@code <TeamCity Data Directory>/config/build-analytics.json}: next to TeamCity's own server
 * settings, so it is backed up with them. The secret is stored scrambled by TeamCity ({@link EncryptUtil}), the
 * file is readable by its owner only, and a save replaces the file in one move so a crash never leaves half a file.
 */
public final class SettingsStore {

    public static final String FILE_NAME = "build-analytics.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public SettingsStore(Path configDirectory) {
        this.file = configDirectory.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /**
     * The saved settings, or the defaults when nothing was saved yet.
     *
     * @throws IOException when the file exists but cannot be read as settings
     */
    public TeamCitySettings load() throws IOException {
        if (!Files.exists(file)) {
            return TeamCitySettings.defaultSettings();
        }
        Map<String, String> values = JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, String>>() {
        });
        String secret = values.get(TeamCitySettings.SECRET);
        if (secret != null && !secret.isEmpty()) {
            values.put(TeamCitySettings.SECRET, EncryptUtil.isScrambled(secret) ? EncryptUtil.unscramble(secret) : secret);
        }
        return TeamCitySettings.of(values);
    }

    public void save(TeamCitySettings settings) throws IOException {
        Map<String, String> values = new LinkedHashMap<>(settings.values());
        if (settings.hasSecret()) {
            values.put(TeamCitySettings.SECRET, EncryptUtil.scramble(settings.get(TeamCitySettings.SECRET)));
        }
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            ownerOnly(temporary);
            JSON.writeValue(temporary.toFile(), values);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void ownerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Windows: the data directory's own ACLs apply
        }
    }
}
