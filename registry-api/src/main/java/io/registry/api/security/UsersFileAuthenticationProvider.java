package io.registry.api.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

/** HTTP Basic against {@code registry.security.users-file}; runs on the blocking executor (hashing is slow by design). */
@Singleton
@Requires(property = "registry.security.enabled", value = "true")
@Requires(property = "registry.security.users-file")
public class UsersFileAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {
    private final UsersFile users;

    public UsersFileAuthenticationProvider(SecuritySettings settings) {
        this.users = UsersFile.load(settings.usersFile().orElseThrow());
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request,
                                               AuthenticationRequest<String, String> credentials) {
        return users.verify(credentials.getIdentity(), credentials.getSecret())
                ? AuthenticationResponse.success(credentials.getIdentity())
                : AuthenticationResponse.failure();
    }
}
