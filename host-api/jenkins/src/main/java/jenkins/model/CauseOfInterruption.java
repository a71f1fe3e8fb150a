package jenkins.model;

import java.io.Serializable;

public abstract class CauseOfInterruption implements Serializable {

    public abstract String getShortDescription();

    public static final class UserInterruption extends CauseOfInterruption {
        private final String user;

        public UserInterruption(String userId) {
            this.user = userId;
        }

        public String getUserId() {
            return user;
        }

        @Override
        public String getShortDescription() {
            return "Aborted by " + user;
        }
    }
}
