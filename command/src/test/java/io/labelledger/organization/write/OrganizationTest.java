package io.labelledger.organization.write;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.CreateOrganization;
import io.labelledger.organization.api.MemberJoined;
import io.labelledger.organization.api.OrganizationCreated;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.ValidationFailed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.labelledger.testing.DomainErrors.error;

class OrganizationTest {
    static final OrganizationId ORG = new OrganizationId("org-1");
    static final UserId ALICE = new UserId("alice");

    AggregateTestFixture<Organization> fixture;

    @BeforeEach
    void setUp() { fixture = new AggregateTestFixture<>(Organization.class); }

    @Test
    void creatingAnOrganizationMakesItsCreatorTheOwner() {
        fixture.givenNoPriorActivity()
               .when(new CreateOrganization(ORG, "Acme Labs", ALICE))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new OrganizationCreated(ORG, "Acme Labs", ALICE),
                             new MemberJoined(ORG, ALICE, OrganizationRole.OWNER, ALICE));
    }

    @Test
    void theNameIsStoredWithoutSurroundingBlanks() {
        fixture.givenNoPriorActivity()
               .when(new CreateOrganization(ORG, "  Acme Labs \n", ALICE))
               .expectEvents(new OrganizationCreated(ORG, "Acme Labs", ALICE),
                             new MemberJoined(ORG, ALICE, OrganizationRole.OWNER, ALICE));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void aMissingNameIsRefused(String name) {
        fixture.givenNoPriorActivity()
               .when(new CreateOrganization(ORG, name, ALICE))
               .expectNoEvents()
               .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "organizationName"));
    }

    @Test
    void aNameOfTheMaximumLengthIsAccepted() {
        String name = "n".repeat(Organization.MAX_NAME);
        fixture.givenNoPriorActivity()
               .when(new CreateOrganization(ORG, name, ALICE))
               .expectEvents(new OrganizationCreated(ORG, name, ALICE),
                             new MemberJoined(ORG, ALICE, OrganizationRole.OWNER, ALICE));
    }

    @Test
    void aNameLongerThanTheMaximumIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new CreateOrganization(ORG, "n".repeat(Organization.MAX_NAME + 1), ALICE))
               .expectNoEvents()
               .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "organizationName"));
    }
}
