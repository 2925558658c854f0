const earthRadiusKm = 6371.0088;

/** Great-circle distance in km between two points given in degrees (haversine formula). */
export function haversineKm(latitude1: number, longitude1: number, latitude2: number, longitude2: number): number {
  const toRadians = Math.PI / 180;
  const deltaLatitude = (latitude2 - latitude1) * toRadians;
  const deltaLongitude = (longitude2 - longitude1) * toRadians;
  const a =
    Math.sin(deltaLatitude / 2) ** 2 + Math.cos(latitude1 * toRadians) * Math.cos(latitude2 * toRadians) * Math.sin(deltaLongitude / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Shortest elapsed time used for speeds, so two sightings in the same second do not divide by zero. */
export const minimumTravelHours = 1 / 60;

/**
 * Implied travel speed in km/h between two sightings `elapsedMs` apart; the elapsed time is floored
 * at one minute. NaN when the elapsed time is negative (sightings out of order).
 */
export function impliedSpeedKmh(distanceKm: number, elapsedMs: number): number {
  if (!(elapsedMs >= 0)) return Number.NaN;
  return distanceKm / Math.max(elapsedMs / 3_600_000, minimumTravelHours);
}
