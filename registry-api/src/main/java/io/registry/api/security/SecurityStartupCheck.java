package io.registry.api.security;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.ReactiveSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses configurations that would be insecure while looking secure: Micronaut accepts unsigned JWTs
 * ({@code alg: none}) when bearer tokens are on and no signature (secret, key, JWKS) is configured.
 */
@Context
@Requires(property = "registry.security.enabled", value = "true")
public class SecurityStartupCheck {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityStartupCheck.class);

    public SecurityStartupCheck(BeanContext beans, Environment env, SecuritySettings settings) {
        boolean jwt = env.getProperty("micronaut.security.token.jwt.enabled", Boolean.class).orElse(false);
        if (jwt && beans.getBeansOfType(SignatureConfiguration.class).isEmpty()
                && beans.getBeansOfType(ReactiveSignatureConfiguration.class).isEmpty()) {
            throw new ConfigurationException("micronaut.security.token.jwt.enabled=true but no signature is "
                    + "configured (micronaut.security.token.jwt.signatures.secret|jwks|jwks-static…): unsigned "
                    + "tokens would be accepted. Configure one, or turn bearer tokens off.");
        }
        boolean x509 = env.getProperty("micronaut.security.x509.enabled", Boolean.class).orElse(false);
        LOG.info("Security on: HTTP Basic {}, bearer JWT {}, client certificates {}; open paths without credentials",
                settings.usersFile().map(p -> "against " + p).orElse("off"), jwt ? "on" : "off", x509 ? "on" : "off");
    }
}
