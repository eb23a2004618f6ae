export interface Point {
  x: number;
  y: number;
}

const MIN_RADIUS = 170;
const RING_STEP = 80;
/** Room one new node (with its caption) needs along the ring. */
const SLOT = 110;
/** Closer than this to an existing node counts as an overlap. */
const CLEARANCE = 95;
/** How far a crowded slot may move: rings outwards, and turns of SHIFT_ANGLE either way. */
const MAX_RINGS = 3;
const MAX_SHIFTS = 6;
const SHIFT_ANGLE = Math.PI / 12;
/** Directions tried when looking for the emptiest side of the origin. */
const DIRECTIONS = 24;

/**
 * Positions for `count` new nodes around `origin`: an arc centred on the emptiest side of the
 * origin (ties broken away from `awayFrom`, usually the centre of the graph) for a few nodes, a
 * full ring for many; a slot that would sit on an existing node turns a little, or moves to a
 * wider ring. Pure, so the expansion's geometry is testable.
 */
export function placeAround(origin: Point, count: number, occupied: readonly Point[], awayFrom?: Point): Point[] {
  if (count <= 0) return [];
  const radius = Math.max(MIN_RADIUS, (count * SLOT) / (2 * Math.PI));
  const away =
    awayFrom && (awayFrom.x !== origin.x || awayFrom.y !== origin.y)
      ? Math.atan2(origin.y - awayFrom.y, origin.x - awayFrom.x)
      : -Math.PI / 2;
  const baseAngle = emptiestDirection(origin, radius, occupied, away);
  const arc = Math.min(2 * Math.PI, (count * SLOT) / radius);
  const full = arc >= 2 * Math.PI - 1e-9;
  const step = full ? arc / count : count > 1 ? arc / (count - 1) : 0;
  const start = full ? baseAngle : baseAngle - arc / 2;

  const taken: Point[] = [...occupied];
  const placed: Point[] = [];
  for (let i = 0; i < count; i += 1) {
    const angle = count === 1 ? baseAngle : start + i * step;
    const point = freeSpot(origin, radius, angle, taken);
    taken.push(point);
    placed.push(point);
  }
  return placed;
}

/** The first spot clear of `taken`: on the ring near `angle`, then on wider rings. */
function freeSpot(origin: Point, radius: number, angle: number, taken: readonly Point[]): Point {
  for (let ring = 0; ring <= MAX_RINGS; ring += 1) {
    for (let shift = 0; shift <= MAX_SHIFTS; shift += 1) {
      const turn = (shift % 2 === 0 ? 1 : -1) * Math.ceil(shift / 2) * SHIFT_ANGLE;
      const point = polar(origin, radius + ring * RING_STEP, angle + turn);
      if (!isCrowded(point, taken)) return point;
    }
  }
  return polar(origin, radius + (MAX_RINGS + 1) * RING_STEP, angle);
}

/** The direction from `origin` with the most room at `radius`; ties go to the one nearest `preferred`. */
function emptiestDirection(origin: Point, radius: number, occupied: readonly Point[], preferred: number): number {
  let best = { angle: preferred, room: -1 };
  for (let step = 0; step < DIRECTIONS; step += 1) {
    const angle = preferred + (step % 2 === 0 ? 1 : -1) * Math.ceil(step / 2) * ((2 * Math.PI) / DIRECTIONS);
    const point = polar(origin, radius, angle);
    const room = Math.min(...occupied.map((other) => Math.hypot(other.x - point.x, other.y - point.y)), radius * 4);
    if (room > best.room + 1) best = { angle, room };
  }
  return best.angle;
}

function polar(origin: Point, radius: number, angle: number): Point {
  return { x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) };
}

function isCrowded(point: Point, taken: readonly Point[]): boolean {
  return taken.some((other) => Math.hypot(other.x - point.x, other.y - point.y) < CLEARANCE);
}
