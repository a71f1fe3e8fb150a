package jetbrains.buildServer.users;

import jetbrains.buildServer.serverSide.auth.AuthorityHolder;

public interface SUser extends AuthorityHolder, User {
}
