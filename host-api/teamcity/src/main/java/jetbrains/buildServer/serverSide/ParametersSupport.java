package jetbrains.buildServer.serverSide;

import jetbrains.buildServer.parameters.ParametersProvider;

public interface ParametersSupport {

    ParametersProvider getParametersProvider();
}
