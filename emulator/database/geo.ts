import { EmulatorError, EmulatorErrorCode } from '../errors';
import { isPlainObject, type Doc } from './ejson';
import { valuesAtPath } from './field-path';

/**
 * Geo operators mingo lacks. Distances are great-circle (haversine) in metres on MongoDB's sphere
 * radius; polygon containment treats edges as straight lines in longitude/latitude, which matches
 * MongoDB's geodesic edges closely at the size of a city.
 */
export const EARTH_RADIUS_METRES = 6_378_100;

type Position = [number, number];

export interface NearSpec {
  center: Position;
  maxDistance?: number;
  minDistance?: number;
}

export function haversineMetres([lng1, lat1]: Position, [lng2, lat2]: Position): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The distance from `center` to the nearest geometry at `field` (its nearest vertex), undefined if there is none. */
export function distanceAt(doc: Doc, field: string, center: Position): number | undefined {
  let best: number | undefined;
  for (const value of valuesAtPath(doc, field)) {
    for (const position of positionsOf(value)) {
      const distance = haversineMetres(center, position);
      if (best === undefined || distance < best) best = distance;
    }
  }
  return best;
}

/** Parses `{ $geometry: Point, $maxDistance?, $minDistance? }` (what `_.geoNear` sends) in metres. */
export function parseNearSphere(value: unknown): NearSpec {
  if (!isPlainObject(value) || !isPlainObject(value.$geometry)) {
    throw invalid('$nearSphere needs { $geometry: <GeoJSON Point>, $maxDistance?, $minDistance? }');
  }
  return {
    center: pointOf(value.$geometry, '$nearSphere.$geometry'),
    maxDistance: optionalDistance(value.$maxDistance, '$nearSphere.$maxDistance'),
    minDistance: optionalDistance(value.$minDistance, '$nearSphere.$minDistance'),
  };
}

export function withinDistance(distance: number, spec: Pick<NearSpec, 'maxDistance' | 'minDistance'>): boolean {
  return (spec.maxDistance === undefined || distance <= spec.maxDistance) && (spec.minDistance === undefined || distance >= spec.minDistance);
}

export function pointOf(value: unknown, where: string): Position {
  if (isPlainObject(value) && value.type === 'Point' && isPosition(value.coordinates)) return value.coordinates;
  throw invalid(`${where} must be a GeoJSON Point { type: "Point", coordinates: [longitude, latitude] }`);
}

export function optionalDistance(value: unknown, where: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !(value >= 0)) throw invalid(`${where} must be a non-negative number of metres`);
  return value;
}

type Predicate = (doc: Doc) => boolean;

/** mingo query operators: (selector, operand) => predicate over the document. */
export const geoQueryOperators = {
  $nearSphere(selector: string, value: unknown): Predicate {
    const spec = parseNearSphere(value);
    return (doc) => {
      const distance = distanceAt(doc, selector, spec.center);
      return distance !== undefined && withinDistance(distance, spec);
    };
  },
  $geoWithin(selector: string, value: unknown): Predicate {
    const contains = containerOf(value);
    return (doc) =>
      valuesAtPath(doc, selector).some((geometry) => {
        const positions = positionsOf(geometry);
        return positions.length > 0 && positions.every(contains);
      });
  },
};

function containerOf(value: unknown): (position: Position) => boolean {
  if (isPlainObject(value) && Array.isArray(value.$centerSphere)) {
    const [center, radius] = value.$centerSphere as unknown[];
    if (!isPosition(center) || typeof radius !== 'number' || !(radius >= 0)) {
      throw invalid('$geoWithin.$centerSphere must be [[longitude, latitude], radiusInRadians]');
    }
    const metres = radius * EARTH_RADIUS_METRES;
    return (position) => haversineMetres(center, position) <= metres;
  }
  if (isPlainObject(value) && isPlainObject(value.$geometry)) {
    const { type, coordinates } = value.$geometry;
    if (type === 'Polygon' && isPolygon(coordinates)) return (position) => inPolygon(position, coordinates);
    if (type === 'MultiPolygon' && Array.isArray(coordinates) && coordinates.every(isPolygon)) {
      return (position) => (coordinates as Position[][][]).some((polygon) => inPolygon(position, polygon));
    }
    throw invalid('$geoWithin.$geometry must be a GeoJSON Polygon or MultiPolygon');
  }
  throw invalid('$geoWithin supports { $geometry: Polygon | MultiPolygon } and { $centerSphere: [[lng, lat], radians] }');
}

/** Ray casting against the outer ring, minus the holes. */
function inPolygon(position: Position, rings: Position[][]): boolean {
  const [outer, ...holes] = rings;
  return inRing(position, outer) && !holes.some((hole) => inRing(position, hole));
}

function inRing([x, y]: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** All positions of a GeoJSON geometry; nothing for values that are not geometries. */
function positionsOf(value: unknown): Position[] {
  if (!isPlainObject(value) || typeof value.type !== 'string') return [];
  const { type, coordinates } = value;
  const depth: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, Polygon: 2, MultiLineString: 2, MultiPolygon: 3 };
  if (!(type in depth)) return [];
  const out: Position[] = [];
  const walk = (node: unknown, level: number) => {
    if (level === 0) {
      if (isPosition(node)) out.push(node);
    } else if (Array.isArray(node)) {
      for (const child of node) walk(child, level - 1);
    }
  };
  walk(coordinates, depth[type]);
  return out;
}

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number';
}

function isPolygon(value: unknown): value is Position[][] {
  return Array.isArray(value) && value.length > 0 && value.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition));
}

function invalid(message: string) {
  return new EmulatorError(EmulatorErrorCode.requestInvalid, message);
}
