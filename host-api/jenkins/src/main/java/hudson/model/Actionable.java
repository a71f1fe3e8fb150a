package hudson.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public abstract class Actionable {

    private final List<Action> actions = new CopyOnWriteArrayList<>();

    public final List<? extends Action> getAllActions() {
        return Collections.unmodifiableList(actions);
    }

    public <T extends Action> List<T> getActions(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Action a : actions) {
            if (type.isInstance(a)) {
                found.add(type.cast(a));
            }
        }
        return Collections.unmodifiableList(found);
    }

    public <T extends Action> T getAction(Class<T> type) {
        for (Action a : actions) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }

    public void addAction(Action a) {
        actions.add(a);
    }
}
