package hudson.model;

import java.io.Serializable;

public abstract class ParameterValue implements Serializable {

    protected final String name;

    protected ParameterValue(String name) {
        this.name = name;
    }

    public final String getName() {
        return name;
    }

    public boolean isSensitive() {
        return false;
    }

    public Object getValue() {
        return null;
    }
}
