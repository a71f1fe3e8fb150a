package io.buildanalytics.jenkins;

import hudson.model.Action;
import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.JobProperty;
import hudson.model.ParameterValue;
import hudson.model.ParametersAction;
import hudson.model.Result;
import hudson.model.Run;
import hudson.scm.ChangeLogSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.scm.RunWithSCM;

/**
 * Small Jenkins objects built on the host-api mirrors, standing in for what a real Jenkins hands the plugin: a
 * folder, a job with builds, runs with causes, parameters, change sets and actions.
 */
public final class HandMadeJenkins {

    private HandMadeJenkins() {
    }

    /** A folder (or the Jenkins root when its name is empty). */
    public static final class Folder implements ItemGroup<Item> {
        private final Folder parent;
        private final String name;

        public Folder(Folder parent, String name) {
            this.parent = parent;
            this.name = name;
        }

        public static Folder root() {
            return new Folder(null, "");
        }

        @Override
        public String getFullName() {
            return parent == null || parent.getFullName().isEmpty() ? name : parent.getFullName() + "/" + name;
        }

        @Override
        public String getFullDisplayName() {
            return parent == null || parent.getFullDisplayName().isEmpty() ? name
                    : parent.getFullDisplayName() + " » " + name;
        }

        @Override
        public String getUrl() {
            return parent == null ? "" : parent.getUrl() + "job/" + name + "/";
        }

        @Override
        public String getDisplayName() {
            return name;
        }
    }

    /** A job whose builds are kept in a list, newest last. */
    public static class TestJob extends Job<TestJob, TestRun> {
        private final List<TestRun> builds = new ArrayList<>();
        private final Map<Object, Object> properties = new LinkedHashMap<>();

        public TestJob(ItemGroup parent, String name) {
            super(parent, name);
        }

        /** Job properties by descriptor, as {@code Job.getProperties()} returns them (read by name). */
        public Map<Object, Object> getProperties() {
            return properties;
        }

        @Override
        public <T extends JobProperty> T getProperty(Class<T> clazz) {
            return clazz.cast(properties.get(clazz));
        }

        public TestJob property(Object property) {
            properties.put(property.getClass(), property);
            return this;
        }

        /** A build that is still running. */
        public TestRun running(Instant start) {
            TestRun run = build(Result.SUCCESS, start, 0);
            run.building();
            return run;
        }

        /** A new finished build, chained to the previous one like Jenkins does. */
        public TestRun build(Result result, Instant start, long durationMillis) {
            TestRun run = new TestRun(this, start.toEpochMilli());
            run.number = builds.size() + 1;
            run.setResult(result);
            run.setDurationMillis(durationMillis);
            run.setPrevious(builds.isEmpty() ? null : builds.get(builds.size() - 1));
            builds.add(run);
            return run;
        }

        @Override
        public TestRun getLastBuild() {
            return builds.isEmpty() ? null : builds.get(builds.size() - 1);
        }

        @Override
        public TestRun getBuildByNumber(int n) {
            return n >= 1 && n <= builds.size() ? builds.get(n - 1) : null;
        }
    }

    /** A Pipeline-like run: no single agent, change sets through {@link RunWithSCM}. */
    public static class TestRun extends Run<TestJob, TestRun> implements RunWithSCM<TestJob, TestRun> {
        private final List<ChangeLogSet<? extends ChangeLogSet.Entry>> changeSets = new ArrayList<>();
        private TestRun previous;

        public TestRun(TestJob job, long timestamp) {
            super(job, timestamp);
        }

        void setDurationMillis(long millis) {
            duration = millis;
        }

        void setPrevious(TestRun previous) {
            this.previous = previous;
        }

        @Override
        public TestRun getPreviousBuild() {
            return previous;
        }

        public void building() {
            result = null;
        }

        public TestRun causes(Cause... causes) {
            addAction(new CauseAction(causes));
            return this;
        }

        public TestRun parameters(ParameterValue... values) {
            addAction(new ParametersAction(List.of(values)));
            return this;
        }

        public TestRun actions(Action... actions) {
            for (Action action : actions) {
                addAction(action);
            }
            return this;
        }

        public TestRun commits(Commit... commits) {
            changeSets.add(new ChangeSet(this, List.of(commits)));
            return this;
        }

        @Override
        public List<ChangeLogSet<? extends ChangeLogSet.Entry>> getChangeSets() {
            return changeSets;
        }
    }

    /** A freestyle-like run: it ran on one node ("" is the built-in node). */
    public static final class FreestyleRun extends TestRun {
        private final String builtOn;

        public FreestyleRun(TestJob job, long timestamp, String builtOn) {
            super(job, timestamp);
            this.builtOn = builtOn;
        }

        public String getBuiltOnStr() {
            return builtOn;
        }
    }

    public static final class Parameter extends ParameterValue {
        private final Object value;
        private final boolean sensitive;

        public Parameter(String name, Object value, boolean sensitive) {
            super(name);
            this.value = value;
            this.sensitive = sensitive;
        }

        public static Parameter of(String name, Object value) {
            return new Parameter(name, value, false);
        }

        public static Parameter password(String name, String value) {
            return new Parameter(name, value, true);
        }

        @Override
        public Object getValue() {
            return value;
        }

        @Override
        public boolean isSensitive() {
            return sensitive;
        }
    }

    /** A change-set entry; a timestamp of -1 is "unknown", as core defines it. */
    public static final class Commit extends ChangeLogSet.Entry {
        private final String id;
        private final long timestamp;

        public Commit(String id, long timestamp) {
            this.id = id;
            this.timestamp = timestamp;
        }

        @Override
        public String getCommitId() {
            return id;
        }

        @Override
        public long getTimestamp() {
            return timestamp;
        }

        @Override
        public String getMsg() {
            return "change " + id;
        }
    }

    static final class ChangeSet extends ChangeLogSet<Commit> {
        private final List<Commit> commits;

        ChangeSet(Run<?, ?> run, List<Commit> commits) {
            super(run, null);
            this.commits = commits;
        }

        @Override
        public boolean isEmptySet() {
            return commits.isEmpty();
        }

        @Override
        public Iterator<Commit> iterator() {
            return commits.iterator();
        }
    }
}
