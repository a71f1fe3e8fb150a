package hudson.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

public class CauseAction implements Action {

    private final List<Cause> causes = new ArrayList<>();

    public CauseAction(Cause... c) {
        Collections.addAll(causes, c);
    }

    public List<Cause> getCauses() {
        return Collections.unmodifiableList(causes);
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Causes";
    }

    @Override
    public String getUrlName() {
        return "cause";
    }
}
