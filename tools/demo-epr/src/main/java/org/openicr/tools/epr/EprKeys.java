package org.openicr.tools.epr;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The EPR's signing key: made when it starts (a real EPR keeps its key in a key store and rotates
 * it; the record finds the current one by its key id in the published set).
 */
@ApplicationScoped
public class EprKeys {

    private RSAKey key;

    @PostConstruct
    void make() {
        try {
            key = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("The demo EPR could not make its signing key.", e);
        }
    }

    RSAKey signing() {
        return key;
    }

    /** The public half, as a JWK Set. */
    String published() {
        return new JWKSet(key.toPublicJWK()).toString(true);
    }
}
