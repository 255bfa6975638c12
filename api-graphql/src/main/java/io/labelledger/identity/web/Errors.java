package io.labelledger.identity.web;

import io.labelledger.api.UserError;

import java.util.List;

/** The body of a refused REST request of the identity endpoints (sign-up, sign-in, session, SAML). */
public record Errors(List<UserError> errors) {}
