package hudson.model;

import java.util.Calendar;
import java.util.List;

public class Queue {

    private Queue() {
    }

    public interface Task {
    }

    public abstract static class Item extends Actionable {
        private final long id;
        private final long inQueueSince;

        protected Item(Item item) {
            this.id = item == null ? 0 : item.id;
            this.inQueueSince = item == null ? 0 : item.inQueueSince;
        }

        public long getId() {
            return id;
        }

        public long getInQueueSince() {
            return inQueueSince;
        }
    }

    public static final class WaitingItem extends Item {
        public WaitingItem(Calendar timestamp, Task project, List<Action> actions) {
            super((Item) null);
        }
    }

    public static final class LeftItem extends Item {
        public LeftItem(Item cancelled) {
            super(cancelled);
        }

        public boolean isCancelled() {
            throw new UnsupportedOperationException("mirror");
        }
    }
}
