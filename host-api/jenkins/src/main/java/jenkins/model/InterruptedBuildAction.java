package jenkins.model;

import hudson.model.InvisibleAction;
import java.util.Collection;
import java.util.List;

public class InterruptedBuildAction extends InvisibleAction {

    private final List<CauseOfInterruption> causes;

    public InterruptedBuildAction(Collection<? extends CauseOfInterruption> causes) {
        this.causes = List.copyOf(causes);
    }

    public List<CauseOfInterruption> getCauses() {
        return causes;
    }
}
