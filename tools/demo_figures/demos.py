"""The bundled pack's five exercise demos, each a few key poses (or a computed cycle) plus props.

Times are seconds into one loop; one loop is one repetition. Lying exercises share the same
starting position (on the back, knees bent, feet flat), so they are built from `lying()`.
"""

from __future__ import annotations

import math

from .body import Look
from .motion import Key, Keyframes, Procedural
from .props import FLOOR_Y, MAT_TOP, bike_frame, crank, floor, mat, moving_floor
from .skeleton import SHIN, THIGH, Pose, end_of, joints, place_arm, place_leg, toward
from .writer import Demo, Halo, Highlight, Raw

LOOK = Look()
HIP_LYING = (420.0, MAT_TOP - 26.0)
ANKLE_LYING = (HIP_LYING[0] + 128.0, MAT_TOP - 11.0)

def abdomen(look: Look) -> Highlight:
    return Highlight("torso", (26, 9), (28, 10), look.top)


def low_back(look: Look) -> Highlight:
    return Highlight("torso", (16, -10), (26, 9), look.top)


def glutes(look: Look) -> Highlight:
    return Highlight("pelvis", (8, -13), (20, 12), look.bottom)


def quadriceps(look: Look, side: str = "near") -> Highlight:
    return Highlight(f"{side}_thigh", (48, -4), (40, 11), look.bottom)


LYING_STAGE = (1.75, -300.0, -440.0)
STANDING_STAGE = (1.3, -120.0, -116.0)
CYCLING_STAGE = (1.2, -104.0, -54.0)
LYING_BLOB = (410.0, 330.0, 330.0, 190.0)
STANDING_BLOB = (400.0, 300.0, 250.0, 240.0)


def feet_on_mat(pose: Pose, sides: tuple[str, ...] = ("far", "near")) -> Pose:
    """Bend the legs so the feet stay flat where they started on the mat."""
    for side in sides:
        target = (ANKLE_LYING[0] + (8 if side == "far" else 0), ANKLE_LYING[1])
        pose = place_leg(pose, side, target, 0.0)
    return pose


def lying(pelvis: float = 184.0, torso: float = 177.0) -> Pose:
    """On the back on the mat, head to the left, knees bent and feet flat, arms by the sides."""
    pose = Pose(HIP_LYING, {
        "pelvis": pelvis, "torso": torso, "head": 180.0,
        "far_upper_arm": 3.0, "far_forearm": 1.0, "far_hand": 0.0,
        "near_upper_arm": 5.0, "near_forearm": 2.0, "near_hand": 0.0,
    })
    return feet_on_mat(pose)


ARMS_BEHIND = (
    "far_hand", "far_forearm", "far_upper_arm", "near_hand", "near_forearm", "near_upper_arm",
    "far_foot", "far_shin", "far_thigh",
    "pelvis", "torso", "head",
    "near_foot", "near_shin", "near_thigh",
)
"""Drawing order with both arms behind the body: the arms lie by the sides on the mat, and the
low back, where a pelvic tilt is seen, stays in view instead of under the near arm."""


def pelvic_tilt() -> Demo:
    """Tighten the belly (0.5-1.2 s), tilt the pelvis to flatten the low back (1.2-2), hold (2-3),
    relax (3-5)."""
    rest = lying(pelvis=190.0, torso=176.0)
    tilt = feet_on_mat(lying(pelvis=172.0, torso=180.5).moved((HIP_LYING[0], HIP_LYING[1] - 3)))
    keys = (
        Key(0, rest), Key(0.5, rest), Key(1.2, rest, 1), Key(2.0, tilt, 1), Key(3.0, tilt, 1),
        Key(4.5, rest), Key(5.0, rest),
    )
    return Demo(
        "pelvic-tilt", "Pelvic tilt", Keyframes(keys, feet_on_mat), LOOK,
        highlights=(abdomen(LOOK),),
        halos=(Halo("torso", (20, 10), (70, 48)),),
        order=ARMS_BEHIND,
        backdrop=tuple(mat()),
        stage=LYING_STAGE,
        backdrop_blob=LYING_BLOB,
    )


def plant_the_resting_foot(pose: Pose) -> Pose:
    """Keep the foot of the leg that is not being hugged flat on the mat (both feet at rest)."""
    near, far = pose.angles["near_thigh"], pose.angles["far_thigh"]
    if near < far - 1.0:
        return feet_on_mat(pose, ("far",))
    if far < near - 1.0:
        return feet_on_mat(pose, ("near",))
    return feet_on_mat(pose)


KNEE_TO_CHEST_SIDE = 7.0
"""Seconds of the loop for one leg: the right (near) leg first, then the left (far) leg, so the
page's `sides: [Right leg, Left leg]` plays each in turn and the counter names it."""


def _knee_to_chest_keys(side: str, start: float) -> tuple[Key, ...]:
    """Hands behind one knee (0.5-1.6 s), pull it toward the chest (1.6-2.6), hold (2.6-4.6),
    lower it slowly (4.6-7), with that leg; `start` shifts the keys to the side's share."""
    rest = lying()
    hip = joints(rest)[f"{side}_thigh"]

    def knee_up(thigh: float, shin: float, foot: float, flatten: float = 0.0) -> Pose:
        knee = toward(hip, thigh, THIGH)
        pose = place_leg(rest, side, toward(knee, shin, SHIN), foot)
        pose = pose.with_angles(pelvis=184.0 - flatten, torso=177.0 + flatten / 3)
        behind = toward(toward(knee, thigh + 180, 22), thigh + 90, 13)  # back of the thigh, near the knee
        for arm, dx in (("near", 0.0), ("far", 7.0)):
            pose = place_arm(pose, arm, (behind[0] + dx, behind[1] - dx / 2), 0.0, bend=+1)
            pose = pose.with_angles(**{f"{arm}_hand": pose.angles[f"{arm}_forearm"] + 35})
        return pose

    reaching = knee_up(-96.0, 32.0, 24.0)
    hugged = knee_up(-124.0, 10.0, 40.0, flatten=6.0)
    keys = (
        Key(0, rest), Key(0.5, rest), Key(1.6, reaching, 0.4), Key(2.6, hugged, 1), Key(4.6, hugged, 1),
        Key(5.8, reaching, 0.3), Key(6.6, rest), Key(7.0, rest),
    )
    return tuple(Key(start + key.time, key.pose, key.glow) for key in keys)


def knee_to_chest() -> Demo:
    """One knee, then the other: the right (near) leg in 0-7 s, the left (far) leg in 7-14 s.

    The glow stays on the low back and buttock, which the stretch eases; nothing glows on the
    thigh, where coral would read as the leg pain the pack's pictures show in that colour.
    """
    right = _knee_to_chest_keys("near", 0.0)
    left = _knee_to_chest_keys("far", KNEE_TO_CHEST_SIDE)
    return Demo(
        "knee-to-chest", "Knee to chest", Keyframes(right + left[1:], plant_the_resting_foot), LOOK,
        highlights=(low_back(LOOK), glutes(LOOK)),
        halos=(Halo("pelvis", (10, -10), (72, 56)),),
        backdrop=tuple(mat()),
        stage=LYING_STAGE,
        backdrop_blob=LYING_BLOB,
    )


BRIDGE_LIFT = 24.0
"""How far the hips rise: "a little", just off the mat, not up to a straight line from knee to
shoulder (about 52 in this figure), which would arch a sore back."""


def bridge() -> Demo:
    """Tighten belly and buttocks (0.5-1.2 s), lift the hips a little (1.2-2.5), hold (2.5-3.5),
    lower slowly (3.5-5.5), rest (5.5-6)."""
    rest = lying(pelvis=181.0, torso=179.0)
    neck = end_of(rest, "torso")

    def lifted(height: float) -> Pose:
        hip_y = HIP_LYING[1] - height
        reach = 128.0
        hip_x = neck[0] + math.sqrt(max(reach * reach - (neck[1] - hip_y) ** 2, 0.0))
        angle = math.degrees(math.atan2(neck[1] - hip_y, neck[0] - hip_x))
        pose = rest.moved((hip_x, hip_y)).with_angles(pelvis=angle, torso=angle)
        return feet_on_mat(pose.with_angles(head=180.0))

    up = lifted(BRIDGE_LIFT)
    keys = (
        Key(0, rest), Key(0.5, rest), Key(1.2, rest, 1), Key(2.5, up, 1), Key(3.5, up, 1), Key(5.5, rest),
        Key(6.0, rest),
    )
    return Demo(
        "bridge", "Bridge", Keyframes(keys, feet_on_mat), LOOK,
        # nothing glows on the back of the thigh: coral there is where the pictures draw leg pain
        highlights=(glutes(LOOK), abdomen(LOOK)),
        halos=(Halo("pelvis", (6, -6), (70, 56)),),
        backdrop=tuple(mat()),
        stage=LYING_STAGE,
        backdrop_blob=LYING_BLOB,
    )


WALK_LOOP = 1.2
STRIDE = 200.0
STANCE = 0.6
HIP_STANDING_X = 400.0


def _walk_foot(phase: float) -> tuple[tuple[float, float], float]:
    """Ankle position (relative to the hip's x) and foot angle at `phase` (0..1) of one stride."""
    half = STRIDE * STANCE / 2
    if phase < STANCE:
        f = phase / STANCE
        x = half - 2 * half * f
        foot = -14.0 * (1 - f / 0.2) if f < 0.2 else (0.0 if f < 0.65 else 32.0 * (f - 0.65) / 0.35)
        lift = 30 * math.sin(math.radians(foot)) if foot > 0 else 8 * math.sin(math.radians(-foot))
        return (x, FLOOR_Y - 11 - lift), foot
    f = (phase - STANCE) / (1 - STANCE)
    eased = 0.5 - 0.5 * math.cos(math.pi * f)
    x = -half + 2 * half * eased
    foot = 32.0 * (1 - f / 0.35) if f < 0.35 else -14.0 * (f - 0.35) / 0.65
    return (x, FLOOR_Y - 11 - 24 * math.sin(math.pi * f) ** 1.4 - 3), foot


def _walk_pose(time: float) -> Pose:
    phase = time / WALK_LOOP
    hip_y = FLOOR_Y - 11 - 184 - 4 * math.cos(4 * math.pi * (phase - 0.3))
    pose = Pose((HIP_STANDING_X, hip_y), {"pelvis": -88.0, "torso": -86.0, "head": -89.0})
    swing = math.cos(2 * math.pi * phase)
    for side, offset, sign in (("near", 0.0, 1.0), ("far", 0.5, -1.0)):
        (dx, y), foot = _walk_foot((phase + offset) % 1.0)
        pose = place_leg(pose, side, (HIP_STANDING_X + dx, y), foot)
        upper = 90.0 + 22.0 * swing * sign
        forward = max(0.0, (90.0 - upper) / 22.0)
        pose = pose.with_angles(**{f"{side}_upper_arm": upper, f"{side}_forearm": upper - 16 - 14 * forward,
                                   f"{side}_hand": upper - 20 - 14 * forward})
    return pose


def _walk_glow(time: float) -> float:
    """Strongest while the near leg carries the body (mid-stance)."""
    return 0.55 + 0.35 * math.cos(2 * math.pi * (time / WALK_LOOP - 0.3))


def walking() -> Demo:
    return Demo(
        "walking", "Walking", Procedural(WALK_LOOP, _walk_pose, _walk_glow), LOOK,
        highlights=(glutes(LOOK), quadriceps(LOOK)),
        backdrop=tuple(moving_floor(WALK_LOOP, STRIDE)),
        backdrop_blob=STANDING_BLOB,
        stage=STANDING_STAGE,
    )


CYCLE_LOOP = 1.2
SEAT = (330.0, 284.0)
"""Seat height: with the pedal at the bottom the knee stays a little bent (about 27 degrees), as
the page tells people to set their own seat."""
CRANK_CENTRE = (392.0, 432.0)
CRANK_R = 34.0
BARS = (478.0, 232.0)


def _cycle_pose(time: float) -> Pose:
    turn = 360.0 * time / CYCLE_LOOP
    pose = Pose((SEAT[0] + 6, SEAT[1] - 16), {"pelvis": -80.0, "torso": -80.0, "head": -88.0})
    for side, start in (("near", 0.0), ("far", 180.0)):
        angle = math.radians(start + turn)
        pedal = (CRANK_CENTRE[0] + CRANK_R * math.cos(angle), CRANK_CENTRE[1] + CRANK_R * math.sin(angle))
        foot = 12.0 + 14.0 * math.sin(angle)
        ball = (20.0, 12.0)
        a = math.radians(foot)
        ankle = (pedal[0] - (ball[0] * math.cos(a) - ball[1] * math.sin(a)),
                 pedal[1] - (ball[0] * math.sin(a) + ball[1] * math.cos(a)))
        pose = place_leg(pose, side, ankle, foot)
    for side, dx in (("far", 6.0), ("near", 0.0)):
        pose = place_arm(pose, side, (BARS[0] - 14 + dx, BARS[1] - 4), -10.0, bend=-1)
    return pose


def cycling() -> Demo:
    frame = bike_frame(SEAT, BARS, CRANK_CENTRE)
    order = ("far_hand", "far_forearm", "far_upper_arm", "far_foot", "far_shin", "far_thigh",
             Raw(crank(CRANK_CENTRE, CRANK_R, CYCLE_LOOP, 180.0, far=True)),
             Raw("".join(frame)),
             "pelvis", "torso", "head",
             Raw(crank(CRANK_CENTRE, CRANK_R, CYCLE_LOOP, 0.0, far=False)),
             "near_foot", "near_shin", "near_thigh", "near_hand", "near_forearm", "near_upper_arm")

    def glow(time: float) -> float:
        return 0.5 + 0.35 * math.sin(2 * math.pi * time / CYCLE_LOOP + 0.6)

    return Demo(
        "cycling", "Stationary cycling", Procedural(CYCLE_LOOP, _cycle_pose, glow), LOOK,
        highlights=(quadriceps(LOOK), quadriceps(LOOK, "far")),
        backdrop=(floor(),),
        order=order,
        stage=CYCLING_STAGE,
        backdrop_blob=STANDING_BLOB,
    )


ALL_DEMOS = (pelvic_tilt, knee_to_chest, bridge, walking, cycling)

