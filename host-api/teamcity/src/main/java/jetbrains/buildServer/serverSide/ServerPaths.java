package jetbrains.buildServer.serverSide;

import java.io.File;

public class ServerPaths {

    private final String systemDir;
    private final String configDir;

    public ServerPaths(String dataDirectory) {
        if (dataDirectory == null || dataDirectory.isEmpty()) {
            throw new IllegalArgumentException("dataDirectory must not be empty");
        }
        String base = dataDirectory.endsWith("/") ? dataDirectory : dataDirectory + '/';
        this.systemDir = base + "system";
        this.configDir = base + "config";
    }

    public String getConfigDir() {
        return configDir;
    }

    public File getPluginDataDirectory() {
        File dir = new File(systemDir, "pluginData");
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IllegalStateException("cannot create " + dir);
        }
        return dir;
    }
}
