package hudson.model.listeners;

import hudson.ExtensionPoint;
import hudson.model.Run;

public abstract class RunListener<R extends Run> implements ExtensionPoint {

    protected RunListener() {
    }

    public void onFinalized(R r) {
    }
}
