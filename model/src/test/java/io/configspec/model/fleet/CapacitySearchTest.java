package io.configspec.model.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CapacitySearchTest {

    @Test
    void capacityIsTheLargestFleetMeetingTheTarget() {
        FleetScenario s = FleetTestScenarios.mixed(0.25);
        CapacityResult c = CapacitySearch.find(s, FleetPolicy.SLED, 400, 20, 3);
        assertTrue(c.capacityDevices() > 1 && c.capacityDevices() < 400, "capacity " + c.capacityDevices());
        assertTrue(c.atCapacity().sloAttainment() >= 0.95);
        c
            .evaluated()
            .stream()
            .filter(r -> r.devices() == c.capacityDevices() + 1)
            .findFirst()
            .ifPresent(r -> assertTrue(r.sloAttainment() < 0.95));
        assertEquals(c.capacityDevices(), c.atCapacity().devices());
    }

    @Test
    void capacityIsZeroWhenOneDeviceCannotMeetTheSlo() {
        CapacityResult c = CapacitySearch.find(FleetTestScenarios.mixed(0.001), FleetPolicy.WISP, 100, 10, 3);
        assertEquals(0, c.capacityDevices());
        assertNull(c.atCapacity());
    }

    @Test
    void capacityStopsAtTheSearchLimit() {
        CapacityResult c = CapacitySearch.find(FleetTestScenarios.mixed(5.0), FleetPolicy.WISP, 6, 10, 3);
        assertEquals(6, c.capacityDevices());
        assertTrue(c.reachedSearchLimit());
    }
}
