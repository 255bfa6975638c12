package io.labelledger.identity.account;

import io.labelledger.identity.ldap.LdapSignIn;
import io.labelledger.organization.read.DirectoryQueries;
import io.labelledger.projection.ReadYourWrites;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

/** The account services (sign-in, sessions across organizations, the own account, API tokens); their endpoints are api-graphql's. */
@Configuration(proxyBeanMethods = false)
public class AccountBeans {

    @Bean
    Principals principals(DirectoryQueries directory, IdentityStore identities) {
        return new Principals(directory, identities);
    }

    @Bean
    SignInService signInService(IdentityStore identities, Principals principals, PasswordEncoder passwords, LoginThrottle throttle,
                                LdapSignIn ldap, IdentityEvents events, DirectoryQueries directory) {
        return new SignInService(identities, principals, passwords, throttle, ldap, events, directory);
    }

    @Bean
    AccountService accountService(IdentityStore identities, PasswordEncoder passwords, IdentityEvents events) {
        return new AccountService(identities, passwords, events);
    }

    @Bean
    ApiTokenService apiTokenService(IdentityStore identities, IdentityEvents events, Clock clock) {
        return new ApiTokenService(identities, events, clock);
    }

    @Bean
    OrganizationSessions organizationSessions(Principals principals, IdentityStore identities, DirectoryQueries directory,
                                              IdentityCommands commands, ReadYourWrites readYourWrites, IdentityEvents events, Clock clock) {
        return new OrganizationSessions(principals, identities, directory, commands, readYourWrites, events, clock);
    }
}
