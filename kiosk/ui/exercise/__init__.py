"""The exercise player: one clock drives the moving figure, the highlighted step and the counters.

`player.ExercisePlayer` owns the clock and its only timer; `figures` draws the demo for any
format (animated SVG, GIF/WebP, MP4, or a still picture) at the time the clock gives;
`steps.StepList` is the tappable list of steps with the current one highlighted.
"""
