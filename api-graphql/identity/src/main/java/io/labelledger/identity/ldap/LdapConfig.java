package io.labelledger.identity.ldap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The directory client and its address policy. {@code labelledger.ldap.allowed-hosts} (LABELLEDGER_LDAP_ALLOWED_HOSTS):
 * comma-separated host names, addresses and CIDR networks of internal directories that organizations may use;
 * everything else must be a public address.
 */
@Configuration(proxyBeanMethods = false)
public class LdapConfig {
    @Bean
    LdapDirectory ldapDirectory(@Value("${labelledger.ldap.allowed-hosts:}") String allowedHosts, OutboundAddresses addresses) {
        return new LdapDirectory(LdapAddressPolicy.allowing(allowedHosts), addresses);
    }

    @Bean
    LdapSettingsService ldapSettingsService(LdapSettingsStore store, io.labelledger.identity.account.IdentityCommands commands,
                                            java.time.Clock clock, LdapDirectory directory, DomainClaims claims,
                                            io.labelledger.identity.account.IdentityEvents events) {
        return new LdapSettingsService(store, commands, clock, directory, claims, events);
    }
}
