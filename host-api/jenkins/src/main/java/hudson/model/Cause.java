package hudson.model;

public abstract class Cause {

    public abstract String getShortDescription();

    public static class UpstreamCause extends Cause {
        private final String upstreamProject;
        private final int upstreamBuild;

        public UpstreamCause(Run<?, ?> up) {
            this.upstreamProject = up.getParent().getFullName();
            this.upstreamBuild = up.getNumber();
        }

        public String getUpstreamProject() {
            return upstreamProject;
        }

        public int getUpstreamBuild() {
            return upstreamBuild;
        }

        @Override
        public String getShortDescription() {
            return "Started by upstream project " + upstreamProject + " build number " + upstreamBuild;
        }
    }

    public static class UserIdCause extends Cause {
        private final String userId;

        public UserIdCause(String userId) {
            this.userId = userId;
        }

        public String getUserId() {
            return userId;
        }

        public String getUserName() {
            return userId == null ? "anonymous" : userId;
        }

        @Override
        public String getShortDescription() {
            return "Started by user " + getUserName();
        }
    }

    public static class RemoteCause extends Cause {
        private final String addr;
        private final String note;

        public RemoteCause(String host, String note) {
            this.addr = host;
            this.note = note;
        }

        public String getAddr() {
            return addr;
        }

        public String getNote() {
            return note;
        }

        @Override
        public String getShortDescription() {
            return "Started by remote host " + addr;
        }
    }
}
