package hudson.model;

import hudson.ExtensionPoint;

public abstract class JobProperty<J extends Job<?, ?>> implements Describable<JobProperty<?>>, ExtensionPoint {

    protected transient J owner;

    @Override
    public JobPropertyDescriptor getDescriptor() {
        throw new UnsupportedOperationException("mirror");
    }
}
