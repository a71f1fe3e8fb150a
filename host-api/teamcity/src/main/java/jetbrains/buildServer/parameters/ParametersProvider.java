package jetbrains.buildServer.parameters;

import java.util.Map;

public interface ParametersProvider {

    Map<String, String> getAll();
}
