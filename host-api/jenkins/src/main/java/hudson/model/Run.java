package hudson.model;

import hudson.ExtensionPoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements ExtensionPoint {

    public static final long QUEUE_ID_UNKNOWN = -1;

    protected final transient JobT project;
    public transient int number;
    protected long timestamp;
    private long startTime;
    protected volatile Result result;
    protected long duration;
    private long queueId = QUEUE_ID_UNKNOWN;
    private transient RunT previousBuild;

    protected Run(JobT job, long timestamp) {
        this.project = job;
        this.timestamp = timestamp;
    }

    public JobT getParent() {
        return project;
    }

    public int getNumber() {
        return number;
    }

    public Result getResult() {
        return result;
    }

    public void setResult(Result r) {
        result = r;
    }

    public long getDuration() {
        return duration;
    }

    public final long getTimeInMillis() {
        return timestamp;
    }

    public final long getStartTimeInMillis() {
        return startTime == 0 ? timestamp : startTime;
    }

    public long getQueueId() {
        return queueId;
    }

    public void setQueueId(long queueId) {
        this.queueId = queueId;
    }

    public boolean isBuilding() {
        return result == null;
    }

    public List<Cause> getCauses() {
        List<Cause> causes = new ArrayList<>();
        for (CauseAction a : getActions(CauseAction.class)) {
            causes.addAll(a.getCauses());
        }
        return Collections.unmodifiableList(causes);
    }

    public String getDisplayName() {
        return "#" + number;
    }

    public String getDescription() {
        return null;
    }

    public RunT getPreviousBuild() {
        return previousBuild;
    }

    public String getUrl() {
        return project.getUrl() + number + '/';
    }

    public List<ParameterValue> getParameterValues() {
        ParametersAction a = getAction(ParametersAction.class);
        return a != null ? a.getParameters() : List.of();
    }
}
