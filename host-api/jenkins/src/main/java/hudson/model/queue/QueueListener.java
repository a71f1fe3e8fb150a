package hudson.model.queue;

import hudson.ExtensionPoint;
import hudson.model.Queue.LeftItem;
import hudson.model.Queue.WaitingItem;

public abstract class QueueListener implements ExtensionPoint {

    public void onLeaveWaiting(WaitingItem wi) {
    }

    public void onLeft(LeftItem li) {
    }
}
