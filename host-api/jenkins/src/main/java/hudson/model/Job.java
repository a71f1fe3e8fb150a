package hudson.model;

import hudson.ExtensionPoint;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem
        implements ExtensionPoint {

    protected Job(ItemGroup parent, String name) {
        super(parent, name);
    }

    public <T extends JobProperty> T getProperty(Class<T> clazz) {
        throw new UnsupportedOperationException("mirror");
    }

    public RunT getLastBuild() {
        throw new UnsupportedOperationException("mirror");
    }

    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException("mirror");
    }
}
