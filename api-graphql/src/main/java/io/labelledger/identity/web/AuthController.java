package io.labelledger.identity.web;

import io.labelledger.api.Caller;
import io.labelledger.api.UserError;
import io.labelledger.identity.account.Actor;
import io.labelledger.identity.account.Refusal;
import io.labelledger.identity.account.SignInService;
import io.labelledger.identity.account.SignUpService;
import io.labelledger.identity.api.SignInMethod;
import io.labelledger.shared.ErrorCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Password sign-up, login and logout for the browser (cookie session). Sign-up is {@link SignUpService}'s (a new
 * organization, or joining by invitation), sign-in {@link SignInService}'s (throttle, password or directory, audit);
 * this controller turns their outcome into HTTP and starts the session.
 */
@RestController
@RequestMapping("/api/auth")
public class AuthController {
    private final SignUpService signUps;
    private final SignInService signIns;
    private final Sessions sessions;
    private final ClientIp clientIp;

    public AuthController(SignUpService signUps, SignInService signIns, Sessions sessions, ClientIp clientIp) {
        this.signUps = signUps;
        this.signIns = signIns;
        this.sessions = sessions;
        this.clientIp = clientIp;
    }

    /** Without {@code invitation}: a new organization with the new user as Owner; with it: joins the inviting one. */
    public record SignUp(String email, String password, String displayName, String organizationName, String invitation) {}

    public record InvitationQuery(String token) {}

    public record Login(String email, String password) {}

    /**
     * Sign-up's one answer, whether the email was new or already had an account (issue 9 #9, ADR 0028): "sign in with
     * your password". A new account (and its organization, or its invitation's membership) is ready by then; for an
     * existing email nothing changed. No session is started either way: the client signs in next (throttled).
     */
    public record SignUpAccepted(String next) {
        static final SignUpAccepted SIGN_IN = new SignUpAccepted("SIGN_IN");
    }

    @PostMapping("/signup")
    public Mono<ResponseEntity<Object>> signUp(@RequestBody SignUp in, ServerWebExchange exchange) {
        var request = new SignUpService.Request(in.email(), in.password(), in.displayName(), in.organizationName(), in.invitation());
        return signUps.signUp(request, clientIp.of(exchange)).map(outcome -> switch (outcome.status()) {
            case ACCEPTED -> ResponseEntity.status(HttpStatus.ACCEPTED).<Object>body(SignUpAccepted.SIGN_IN);
            case INVALID -> ResponseEntity.badRequest().<Object>body(errors(outcome.refusal()));
            case INVITATION_NOT_FOUND -> ResponseEntity.status(HttpStatus.NOT_FOUND).<Object>body(errors(outcome.refusal()));
            case INVITATION_GONE -> ResponseEntity.status(HttpStatus.GONE).<Object>body(errors(outcome.refusal()));
        });
    }

    /** What an invitation link offers, for the sign-up page; says nothing beyond the organization's name and role. */
    @PostMapping("/invitation")
    public Mono<ResponseEntity<Object>> invitation(@RequestBody InvitationQuery in) {
        return signUps.invitation(in.token())
                   .map(found -> found.<ResponseEntity<Object>>map(i -> ResponseEntity.ok((Object) i))
                           .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(
                                   new Errors(List.of(UserError.of(ErrorCode.NOT_FOUND, "invitation", "Invitation not found"))))));
    }

    private static Errors errors(Refusal refusal) {
        return new Errors(List.of(UserError.of(refusal)));
    }

    @PostMapping("/login")
    public Mono<ResponseEntity<Object>> login(@RequestBody Login in, ServerWebExchange exchange) {
        return signIns.signIn(in.email(), in.password(), clientIp.of(exchange)).flatMap(result -> switch (result) {
            case SignInService.SignedIn(Actor actor, SignInMethod method, String boundTo) ->
                    sessions.signIn(Caller.from(actor), method, boundTo, exchange)
                            .thenReturn(ResponseEntity.ok((Object) new SessionView(actor.userId(), actor.organizationId())));
            case SignInService.Refused refused -> {
                var answer = ResponseEntity.status(refused.status());
                if (refused.retryAfterSeconds() > 0) answer.header("Retry-After", Long.toString(refused.retryAfterSeconds()));
                yield Mono.just(answer.body((Object) errors(refused.refusal())));
            }
        });
    }

    @PostMapping("/logout")
    public Mono<ResponseEntity<Void>> logout(ServerWebExchange exchange) {
        return Sessions.end(exchange).thenReturn(ResponseEntity.noContent().build());
    }
}
