package io.buildanalytics.teamcity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import jetbrains.buildServer.BuildProblemData;
import jetbrains.buildServer.StatusDescriptor;
import jetbrains.buildServer.messages.Status;
import jetbrains.buildServer.parameters.ParametersProvider;
import jetbrains.buildServer.serverSide.Branch;
import jetbrains.buildServer.serverSide.BuildRevision;
import jetbrains.buildServer.serverSide.BuildServerListener;
import jetbrains.buildServer.serverSide.ProjectManager;
import jetbrains.buildServer.serverSide.SBuild;
import jetbrains.buildServer.serverSide.SBuildServer;
import jetbrains.buildServer.serverSide.SBuildType;
import jetbrains.buildServer.serverSide.SFinishedBuild;
import jetbrains.buildServer.serverSide.SProject;
import jetbrains.buildServer.serverSide.SRunningBuild;
import jetbrains.buildServer.serverSide.ShortStatistics;
import jetbrains.buildServer.serverSide.TriggeredBy;
import jetbrains.buildServer.serverSide.auth.Permission;
import jetbrains.buildServer.serverSide.userChanges.CanceledInfo;
import jetbrains.buildServer.users.SUser;
import jetbrains.buildServer.vcs.SVcsModification;
import jetbrains.buildServer.vcs.VcsRootInstance;

/**
 * Small hand-made TeamCity objects built on the host mirror, holding plain values. A build is both the running
 * build TeamCity hands to {@code buildFinished} and the finished build its history returns; {@link TestBuild#finish}
 * says which (a running build has no finish date yet, as in TeamCity).
 */
public final class HandMadeTeamCity {

    private HandMadeTeamCity() {
    }

    public static final class TestProject implements SProject {
        private final String externalId;
        private final String fullName;

        public TestProject(String externalId, String fullName) {
            this.externalId = externalId;
            this.fullName = fullName;
        }

        @Override
        public String getExternalId() {
            return externalId;
        }

        @Override
        public String getName() {
            int at = fullName.lastIndexOf(" :: ");
            return at < 0 ? fullName : fullName.substring(at + 4);
        }

        @Override
        public String getFullName() {
            return fullName;
        }
    }

    public static final class TestBuildType implements SBuildType {
        private final TestProject project;
        private final String externalId;
        private final String name;
        private final List<SFinishedBuild> history = new CopyOnWriteArrayList<>();
        private Boolean deployment = false;
        private long nextId;

        public TestBuildType(TestProject project, String externalId, String name) {
            this(project, externalId, name, 1000);
        }

        public TestBuildType(TestProject project, String externalId, String name, long firstBuildId) {
            this.project = project;
            this.externalId = externalId;
            this.name = name;
            this.nextId = firstBuildId;
        }

        /** @param value null: a server older than the Deployment type (the call fails to link) */
        public TestBuildType deployment(Boolean value) {
            this.deployment = value;
            return this;
        }

        /** A new build of this configuration, started at {@code start}, still running. */
        public TestBuild build(Status status, Instant start, long seconds) {
            return new TestBuild(this, nextId++, status, start, seconds);
        }

        /** Adds a finished build to the history, newest first as TeamCity keeps it. */
        public void finished(TestBuild build) {
            build.finish();
            history.add(0, build);
        }

        @Override
        public String getExternalId() {
            return externalId;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getFullName() {
            return project.getFullName() + " :: " + name;
        }

        @Override
        public SProject getProject() {
            return project;
        }

        @Override
        public List<SFinishedBuild> getHistory() {
            return history;
        }

        @Override
        public boolean isCompositeBuildType() {
            return false;
        }

        @Override
        public boolean isDeployment() {
            if (deployment == null) {
                throw new NoSuchMethodError("jetbrains.buildServer.serverSide.SBuildType.isDeployment()Z");
            }
            return deployment;
        }
    }

    public static final class TestBuild implements SFinishedBuild, SRunningBuild {
        private final TestBuildType type;
        private final long id;
        private final Instant start;
        private final long seconds;
        private Status status;
        private String statusText;
        private boolean finished;
        private Instant queued;
        private String agent = "agent-1";
        private TriggeredBy triggeredBy = trigger("##userId='1'", Map.of("userId", "1"), true, "Alice Smith",
                new TestUser("alice"));
        private final List<BuildRevision> revisions = new ArrayList<>();
        private final List<SVcsModification> changes = new ArrayList<>();
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private final List<BuildProblemData> problems = new ArrayList<>();
        private Branch branch;
        private CanceledInfo canceled;
        private ShortStatistics statistics;
        private boolean personal;
        private Boolean composite = false;
        private RuntimeException failure;
        /** Threads that read the build record (everything but its id), to prove the callback thread does not. */
        public final java.util.Set<String> readBy = java.util.concurrent.ConcurrentHashMap.newKeySet();

        TestBuild(TestBuildType type, long id, Status status, Instant start, long seconds) {
            this.type = type;
            this.id = id;
            this.status = status;
            this.start = start;
            this.seconds = seconds;
        }

        public TestBuild finish() {
            finished = true;
            return this;
        }

        public Instant finishedAt() {
            return start.plusSeconds(seconds);
        }

        public TestBuild status(Status value, String text) {
            status = value;
            statusText = text;
            return this;
        }

        public TestBuild queued(Instant value) {
            queued = value;
            return this;
        }

        public TestBuild agent(String value) {
            agent = value;
            return this;
        }

        public TestBuild triggeredBy(TriggeredBy value) {
            triggeredBy = value;
            return this;
        }

        public TestBuild revision(String url, String branchProperty, String sha) {
            revisions.add(new BuildRevision(new TestRoot(url, branchProperty), sha, "", sha));
            return this;
        }

        public TestBuild change(String sha, Instant committed) {
            changes.add(new TestChange(sha, committed));
            return this;
        }

        public TestBuild parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        public TestBuild problem(String type) {
            problems.add(BuildProblemData.createBuildProblem("p" + problems.size(), type, "problem"));
            return this;
        }

        public TestBuild branch(String logicalName, String displayName, boolean isDefault) {
            branch = new TestBranch(logicalName, displayName, isDefault);
            return this;
        }

        public TestBuild canceled(CanceledInfo value) {
            canceled = value;
            return this;
        }

        public TestBuild tests(int passed, int failed, int ignored) {
            statistics = new TestStatistics(passed, failed, ignored);
            return this;
        }

        public TestBuild personal(boolean value) {
            personal = value;
            return this;
        }

        /** @param value null: a server older than composite builds (the call fails to link) */
        public TestBuild composite(Boolean value) {
            composite = value;
            return this;
        }

        /** Every getter throws this from now on: a build record TeamCity cannot load. */
        public TestBuild broken(RuntimeException value) {
            failure = value;
            return this;
        }

        private void check() {
            readBy.add(Thread.currentThread().getName());
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public Date getStartDate() {
            check();
            return start == null ? null : Date.from(start);
        }

        @Override
        public String getAgentName() {
            return agent;
        }

        @Override
        public long getBuildId() {
            return id;
        }

        @Override
        public StatusDescriptor getStatusDescriptor() {
            check();
            return new StatusDescriptor(status, statusText != null ? statusText : finished ? status.getText()
                    : "running");
        }

        @Override
        public SBuildType getBuildType() {
            return type;
        }

        @Override
        public String getBuildTypeExternalId() {
            return type.getExternalId();
        }

        @Override
        public String getBuildTypeName() {
            return type.getName();
        }

        @Override
        public String getFullName() {
            return type.getFullName();
        }

        @Override
        public String getProjectExternalId() {
            return type.getProject().getExternalId();
        }

        @Override
        public boolean isPersonal() {
            return personal;
        }

        @Override
        public Status getBuildStatus() {
            return status;
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public String getBuildNumber() {
            return String.valueOf(id - 999);
        }

        /** Null until the build is finished: inside {@code buildFinished} TeamCity has no finish date yet. */
        @Override
        public Date getFinishDate() {
            check();
            return finished ? Date.from(finishedAt()) : null;
        }

        @Override
        public CanceledInfo getCanceledInfo() {
            return canceled;
        }

        @Override
        public ShortStatistics getShortStatistics() {
            return statistics;
        }

        @Override
        public TriggeredBy getTriggeredBy() {
            return triggeredBy;
        }

        @Override
        public List<SVcsModification> getContainingChanges() {
            return changes;
        }

        @Override
        public List<BuildRevision> getRevisions() {
            return revisions;
        }

        @Override
        public Date getQueuedDate() {
            return queued == null ? null : Date.from(queued);
        }

        @Override
        public List<BuildProblemData> getFailureReasons() {
            return problems;
        }

        @Override
        public Branch getBranch() {
            return branch;
        }

        @Override
        public boolean isCompositeBuild() {
            if (composite == null) {
                throw new NoSuchMethodError("jetbrains.buildServer.serverSide.SBuild.isCompositeBuild()Z");
            }
            return composite;
        }

        @Override
        public ParametersProvider getParametersProvider() {
            return () -> parameters;
        }
    }

    public static TriggeredBy trigger(String raw, Map<String, String> parameters, boolean byUser, String text,
                                      SUser user) {
        return new TriggeredBy() {
            @Override
            public String getAsString() {
                return text;
            }

            @Override
            public String getRawTriggeredBy() {
                return raw;
            }

            @Override
            public SUser getUser() {
                return user;
            }

            @Override
            public boolean isTriggeredByUser() {
                return byUser;
            }

            @Override
            public Map<String, String> getParameters() {
                return parameters;
            }
        };
    }

    public static final class TestUser implements SUser {
        private final String username;
        private final boolean admin;

        public TestUser(String username) {
            this(username, false);
        }

        public TestUser(String username, boolean admin) {
            this.username = username;
            this.admin = admin;
        }

        @Override
        public boolean isPermissionGrantedGlobally(Permission permission) {
            return admin;
        }

        @Override
        public String getUsername() {
            return username;
        }

        @Override
        public String getName() {
            return username;
        }

        @Override
        public String getDescriptiveName() {
            return username;
        }
    }

    record TestRoot(String url, String branch) implements VcsRootInstance {
        @Override
        public String getVcsName() {
            return "jetbrains.git";
        }

        @Override
        public String getProperty(String name) {
            return switch (name) {
                case "url" -> url;
                case "branch" -> branch;
                default -> null;
            };
        }
    }

    record TestChange(String sha, Instant committed) implements SVcsModification {
        @Override
        public String getVersion() {
            return sha;
        }

        @Override
        public Date getVcsDate() {
            return committed == null ? null : Date.from(committed);
        }

        @Override
        public String getUserName() {
            return "alice";
        }

        @Override
        public String getDescription() {
            return "change " + sha;
        }
    }

    record TestBranch(String getName, String getDisplayName, boolean isDefaultBranch) implements Branch {
    }

    record TestStatistics(int getPassedTestCount, int getFailedTestCount, int getIgnoredTestCount)
            implements ShortStatistics {
        @Override
        public int getAllTestCount() {
            return getPassedTestCount + getFailedTestCount + getIgnoredTestCount;
        }
    }

    /** The server: listeners, configurations, and builds by id as {@code findBuildInstanceById} finds them. */
    public static final class TestServer implements SBuildServer, ProjectManager {
        public final List<BuildServerListener> listeners = new CopyOnWriteArrayList<>();
        private final List<SBuildType> types = new CopyOnWriteArrayList<>();
        private final Map<Long, SBuild> builds = new java.util.concurrent.ConcurrentHashMap<>();
        private String rootUrl = "https://teamcity.example.com";

        public TestServer type(TestBuildType type) {
            types.add(type);
            return this;
        }

        public TestServer rootUrl(String value) {
            rootUrl = value;
            return this;
        }

        /** Makes the build findable by id, as TeamCity finds a build once it is finished. */
        public TestServer knows(SBuild build) {
            builds.put(build.getBuildId(), build);
            return this;
        }

        @Override
        public void addListener(BuildServerListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(BuildServerListener listener) {
            listeners.remove(listener);
        }

        @Override
        public ProjectManager getProjectManager() {
            return this;
        }

        @Override
        public String getFullServerVersion() {
            return "2024.03.3 (build 156364)";
        }

        @Override
        public String getRootUrl() {
            return rootUrl;
        }

        @Override
        public SBuild findBuildInstanceById(long buildId) {
            return builds.get(buildId);
        }

        @Override
        public SBuildType findBuildTypeByExternalId(String externalId) {
            return types.stream().filter(t -> t.getExternalId().equals(externalId)).findFirst().orElse(null);
        }

        @Override
        public List<SBuildType> getAllBuildTypes() {
            return types;
        }
    }
}
