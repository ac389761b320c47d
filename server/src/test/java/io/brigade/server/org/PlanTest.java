package io.brigade.server.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.domain.ForbiddenException;
import org.junit.jupiter.api.Test;

class PlanTest {

    @Test
    void planBelowTheNeededOneIsRefusedWith403NamingTheUpgrade() {
        ForbiddenException e = assertThrows(ForbiddenException.class,
                () -> Plan.PROFESSIONAL.require(Plan.ENTERPRISE, "API keys"));
        assertTrue(e.getMessage().contains("API keys needs the Enterprise plan"), e.getMessage());
        assertTrue(e.getMessage().contains("Upgrade to Enterprise"), e.getMessage());
    }

    @Test
    void planAtOrAboveTheNeededOnePasses() {
        Plan.ENTERPRISE.require(Plan.PROFESSIONAL, "jobs");
        Plan.PROFESSIONAL.require(Plan.PROFESSIONAL, "jobs");
        assertFalse(Plan.FREE.atLeast(Plan.PROFESSIONAL));
    }

    @Test
    void storedNamesParseCaseInsensitively() {
        assertEquals(Plan.ENTERPRISE, Plan.parse("enterprise"));
        assertThrows(IllegalArgumentException.class, () -> Plan.parse("Gold"));
    }
}
