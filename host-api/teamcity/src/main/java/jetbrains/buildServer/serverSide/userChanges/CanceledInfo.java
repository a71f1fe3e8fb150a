package jetbrains.buildServer.serverSide.userChanges;

public class CanceledInfo {

    private final Long userId;
    private final String comment;

    public CanceledInfo(long userId, String comment) {
        this.userId = userId;
        this.comment = comment;
    }

    public CanceledInfo(String comment) {
        this.userId = null;
        this.comment = comment;
    }

    public String getComment() {
        return comment;
    }

    public boolean isCanceledByUser() {
        return userId != null;
    }
}
