package io.labelledger.identity.account;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.NotFound;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Sends the identity services' commands (a directory sign-in's provisioning) with the metadata every resulting event
 * carries: actor, organization, client address — as the API's {@code Commands} does for controllers, which identity
 * cannot depend on. The bus blocks, so dispatch runs on boundedElastic. A domain refusal comes back as a
 * {@link Refusal}; anything else is an internal error.
 */
public class IdentityCommands {
    private static final Logger log = LoggerFactory.getLogger(IdentityCommands.class);
    private final CommandGateway gateway;

    public IdentityCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Empty when the command was accepted. */
    public Mono<Optional<Refusal>> send(Object command, Actor actor, String clientIp) {
        return send(command, actor, clientIp, null);
    }

    /** {@code grant}: the identity source (SAML) on whose behalf a membership is granted, kept in the events' metadata. */
    public Mono<Optional<Refusal>> send(Object command, Actor actor, String clientIp, String grant) {
        Map<String, Object> meta = new HashMap<>();
        meta.put("actorId", actor.userId());
        meta.put("organizationId", actor.organizationId());
        if (clientIp != null) meta.put("clientIp", clientIp);
        if (grant != null) meta.put("grant", grant);
        return Mono.fromCallable(() -> {
                       gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(meta)));
                       return Optional.<Refusal>empty();
                   })
                   .subscribeOn(Schedulers.boundedElastic())
                   .onErrorResume(e -> Mono.just(Optional.of(refusal(e))));
    }

    /**
     * A command's failure read as a refusal (the API's {@code Commands.toUserError} answers with this too); anything
     * but a domain refusal, a missing aggregate, a lost race or a bad argument is logged and becomes an internal error
     * without details.
     */
    public static Refusal refusal(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof CommandExecutionException) && t.getCause() != null) t = t.getCause();
        if (t instanceof DomainException d) return Refusal.of(d);
        if (t instanceof AggregateNotFoundException) return Refusal.of(new NotFound("Object", "id"));
        // still racing another command on the same object after the gateway's retries: the caller may simply retry
        if (t instanceof org.axonframework.modelling.command.ConcurrencyException) {
            return Refusal.of(ErrorCode.CONFLICT, null, "Someone changed this at the same moment; try again");
        }
        if (t instanceof IllegalArgumentException) return Refusal.of(ErrorCode.VALIDATION, null, t.getMessage());
        if (io.labelledger.shared.Busy.is(t)) return Refusal.of(ErrorCode.UNAVAILABLE, null, io.labelledger.shared.Busy.MESSAGE); // retryable (issue 9)
        log.error("Command failed", t);
        throw new IllegalStateException("Internal error"); // no details leak
    }
}
