package jenkins.model;

import java.io.IOException;

public interface Loadable {
    void load() throws IOException;
}
