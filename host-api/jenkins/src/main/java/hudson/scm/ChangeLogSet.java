package hudson.scm;

import hudson.model.Run;

public abstract class ChangeLogSet<T extends ChangeLogSet.Entry> implements Iterable<T> {

    private final Run<?, ?> run;

    protected ChangeLogSet(Run<?, ?> run, RepositoryBrowser<?> browser) {
        this.run = run;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    public abstract boolean isEmptySet();

    public abstract static class Entry {
        public String getCommitId() {
            return null;
        }

        public long getTimestamp() {
            return -1;
        }

        public abstract String getMsg();
    }
}
