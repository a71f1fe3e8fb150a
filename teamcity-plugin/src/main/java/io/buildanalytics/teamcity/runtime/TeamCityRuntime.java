package io.buildanalytics.teamcity.runtime;

import io.buildanalytics.model.derive.History;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.shipper.backfill.BackfillProgress;
import io.buildanalytics.shipper.backfill.BackfillRequest;
import io.buildanalytics.shipper.check.ConnectionVerdict;
import io.buildanalytics.shipper.runtime.RecordingRuntime;
import io.buildanalytics.shipper.runtime.RuntimeStatus;
import io.buildanalytics.shipper.runtime.StatusLines;
import io.buildanalytics.shipper.settings.ConnectionFactory;
import io.buildanalytics.shipper.settings.FieldRules;
import io.buildanalytics.teamcity.backfill.BuildTypesBackfillSource;
import io.buildanalytics.teamcity.facts.BuildReader;
import io.buildanalytics.teamcity.history.BuildTypeHistory;
import io.buildanalytics.teamcity.settings.SettingsStore;
import io.buildanalytics.teamcity.settings.TeamCitySettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jetbrains.buildServer.serverSide.SBuild;
import jetbrains.buildServer.serverSide.SBuildServer;
import jetbrains.buildServer.serverSide.SBuildType;
import jetbrains.buildServer.serverSide.ServerPaths;
import org.springframework.beans.factory.DisposableBean;

/**
 * The plugin's running parts in TeamCity (one Spring bean): the saved settings, the shared
 * {@link RecordingRuntime} (shipper, backfill, status), and one reader thread that turns finished builds into
 * facts. TeamCity's callbacks only hand a build over ({@link #onFinished}); reading the build, which may touch
 * TeamCity's database, happens on the reader thread, and delivery on the shipper's. Everything stops when the
 * plugin is unloaded or the server stops.
 */
public final class TeamCityRuntime implements DisposableBean {

    /** Builds waiting to be read; past it a build is counted as unread rather than holding TeamCity up. */
    static final int READ_QUEUE = 10_000;

    private static final Logger LOGGER = Logger.getLogger(TeamCityRuntime.class.getName());

    private final SBuildServer server;
    private final SettingsStore store;
    private final Path dataDirectory;
    private final Clock clock;
    private final RecordingRuntime recording;
    private final RecentBuilds recent = new RecentBuilds();
    private final ThreadPoolExecutor readerThread;
    private final LogBridge logBridge = new LogBridge();
    private volatile TeamCitySettings settings = TeamCitySettings.defaultSettings();
    private volatile BuildReader reader;
    private String serverId;

    public TeamCityRuntime(SBuildServer server, ServerPaths paths) {
        this(server, Path.of(paths.getConfigDir()), paths.getPluginDataDirectory().toPath().resolve("build-analytics"),
                Clock.systemUTC());
        logBridge.install();
        start();
    }

    TeamCityRuntime(SBuildServer server, Path configDirectory, Path dataDirectory, Clock clock) {
        this.server = server;
        this.store = new SettingsStore(configDirectory);
        this.dataDirectory = dataDirectory;
        this.clock = clock;
        this.recording = new RecordingRuntime(clock);
        this.readerThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(READ_QUEUE), runnable -> {
                    Thread thread = new Thread(runnable, "build-analytics-reader");
                    thread.setDaemon(true);
                    thread.setContextClassLoader(TeamCityRuntime.class.getClassLoader());
                    return thread;
                });
    }

    /** Loads the saved settings and starts recording with them (spooled events resume delivery). */
    void start() {
        try {
            TeamCitySettings saved = store.load();
            settings = saved;
            apply(saved);
        } catch (IOException | RuntimeException e) {
            recording.pause("Not recording: the settings in " + store.file() + " cannot be used: " + e.getMessage());
            LOGGER.log(Level.WARNING, "Build Analytics is not recording: " + e.getMessage(), e);
        }
    }

    public TeamCitySettings settings() {
        return settings;
    }

    /**
     * Validates, applies and saves new settings; on any problem nothing changes.
     *
     * @throws IllegalArgumentException naming the problem (a {@code FieldChecks.InvalidField} names the field)
     * @throws IOException              when the settings file cannot be written
     */
    public synchronized void save(TeamCitySettings next) throws IOException {
        if (next.enabled() && next.configured()) {
            Configured.from(next, serverFacts());   // validates everything before anything changes
        } else {
            next.validate();
        }
        store.save(next);
        settings = next;
        apply(next);
    }

    private void apply(TeamCitySettings next) {
        if (!next.enabled()) {
            recording.pause("Disabled: builds are not recorded.");
            return;
        }
        if (!next.configured()) {
            recording.pause(RecordingRuntime.NOT_CONFIGURED);
            return;
        }
        Configured configured = Configured.from(next, serverFacts());
        reader = configured.reader();
        recording.record(configured.shipperSettings(), this::historyFor,
                new BuildTypesBackfillSource(server.getProjectManager(), configured.reader()));
    }

    private ServerFacts serverFacts() {
        if (serverId == null) {
            try {
                serverId = ServerIdentity.load(dataDirectory);
            } catch (IOException e) {
                throw new IllegalArgumentException("The plugin data directory " + dataDirectory
                        + " cannot be written: " + e.getMessage(), e);
            }
        }
        return new ServerFacts(serverId, ServerFacts.withSlash(server.getRootUrl()), server.getFullServerVersion(),
                dataDirectory, ServerFacts.jvmProxy());
    }

    /**
     * Called in TeamCity's build callback: notes the moment and hands the build to the reader thread. No I/O, no
     * waiting, never throws.
     *
     * @param again true for a build already sent whose result changed ("mark as successful"): it is read and sent
     *              again under the same event id
     */
    public void onFinished(SBuild build, boolean again) {
        try {
            if (!recording.recording() || build == null) {
                return;
            }
            long id = build.getBuildId();
            Instant now = clock.instant();
            if (!again && !recent.firstTime(id)) {
                return;
            }
            readerThread.execute(() -> read(id, build, now));
        } catch (RejectedExecutionException e) {
            recording.countUnread();
        } catch (RuntimeException | LinkageError e) {
            recording.countUnread();
            LOGGER.log(Level.WARNING, "Build Analytics could not take a finished build", e);
        }
    }

    /**
     * Reads the build as TeamCity has it once finishing is done (with its finish date and final status text); the
     * callback's own object, with the callback's time as finish date, when TeamCity no longer finds it.
     */
    private void read(long id, SBuild fromCallback, Instant calledAt) {
        BuildReader current = reader;
        if (current == null) {
            return;
        }
        try {
            SBuild fresh = server.findBuildInstanceById(id);
            SBuild build = fresh != null && fresh.isFinished() ? fresh : fromCallback;
            Optional<BuildFacts> facts = current.read(build, calledAt);
            facts.ifPresent(recording::accept);
        } catch (RuntimeException | LinkageError e) {
            recording.countUnread();
            LOGGER.log(Level.WARNING, "Build Analytics could not read build " + id + "; no event is sent for it", e);
        }
    }

    History historyFor(BuildFacts facts) {
        BuildReader current = reader;
        SBuildType type = current == null ? null
                : server.getProjectManager().findBuildTypeByExternalId(facts.pipeline().id());
        return type == null ? History.none() : new BuildTypeHistory(type, facts, current);
    }

    /** Checks settings (saved or not) against the engine they name; writes nothing. */
    public ConnectionVerdict testConnection(TeamCitySettings candidate) {
        return RecordingRuntime.testConnection(() -> ConnectionFactory.connection(candidate.connection(),
                candidate.credential(), ServerFacts.jvmProxy()), () -> FieldRules.indexPrefix(candidate.get("indexPrefix")));
    }

    /**
     * Starts sending existing builds; replaces a running backfill.
     *
     * @throws IllegalStateException when nothing records
     */
    public BackfillProgress startBackfill(BackfillRequest request) {
        BuildReader current = reader;
        if (current == null) {
            throw new IllegalStateException("Save a working configuration first: " + recording.status().state());
        }
        return recording.startBackfill(request, new BuildTypesBackfillSource(server.getProjectManager(), current));
    }

    public RuntimeStatus status() {
        return recording.status();
    }

    /** Lines for the status block on the administration page. */
    public List<String> statusLines() {
        List<String> notices = new ArrayList<>();
        if (ServerFacts.withSlash(server.getRootUrl()) == null) {
            notices.add("The server URL is not set (Administration » Global Settings): events are sent without links.");
        }
        if (readerThread.getQueue().size() > READ_QUEUE / 2) {
            notices.add(readerThread.getQueue().size() + " finished builds are waiting to be read.");
        }
        return StatusLines.of(recording.status(), "TeamCity server", notices);
    }

    /** Spring calls this when the plugin is unloaded or the server stops: no thread or handler is left behind. */
    @Override
    public void destroy() {
        readerThread.shutdown();
        try {
            if (!readerThread.awaitTermination(5, TimeUnit.SECONDS)) {
                readerThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            readerThread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        recording.close();
        logBridge.uninstall();
    }

    boolean readerStopped() {
        return readerThread.isTerminated();
    }
}
