"""Strings of the Adam page."""

STRINGS = {
    "adam.title": {"en": "Adam", "ko": "Adam"},
    "adam.intro": {
        "en": "Adam is not a new idea so much as two ideas you have already met, run side by "
        "side: the running average of the gradients from momentum, and the running average of "
        "the squared gradients from RMSprop, both repaired at the start by bias correction. "
        "This page takes one Adam run apart step by step, then races it against the three "
        "methods it is built from.",
        "ko": "Adam은 완전히 새로운 방법이라기보다, 이미 배운 두 가지를 함께 쓰는 방법입니다. "
        "모멘텀에서 온 기울기의 지수 가중 평균과 RMSprop에서 온 기울기 제곱의 지수 가중 평균을 "
        "나란히 계산하고, 둘 다 초반에는 편향 보정으로 바로잡습니다. 이 "
        "페이지에서는 Adam 한 번의 실행을 단계별로 뜯어본 뒤, Adam을 이루는 세 방법과 경주를 "
        "시켜 봅니다.",
    },
    # sidebar
    "adam.side_surface": {"en": "Surface and start", "ko": "곡면과 시작점"},
    "adam.surface": {"en": "Cost surface", "ko": "비용 곡면"},
    "adam.surf.elongated_bowl": {"en": "Elongated bowl", "ko": "길쭉한 그릇"},
    "adam.surf.rosenbrock": {"en": "Rosenbrock valley", "ko": "로젠브록 골짜기"},
    "adam.surf.beale": {"en": "Beale", "ko": "빌 함수"},
    "adam.surf.himmelblau": {"en": "Himmelblau", "ko": "힘멜블라우 함수"},
    "adam.kappa": {
        "en": "Bowl stretch κ (curvature along y)",
        "ko": "그릇이 늘어난 정도 κ (y 방향 곡률)",
    },
    "adam.own_start": {"en": "Choose the start myself", "ko": "시작점 직접 고르기"},
    "adam.x0": {"en": "Start x", "ko": "시작점 x"},
    "adam.y0": {"en": "Start y", "ko": "시작점 y"},
    "adam.steps": {"en": "Number of steps", "ko": "단계 수"},
    "adam.start_now": {
        "en": "Start: ({x}, {y}), this surface's own. Turn on “Choose the start myself” to move "
        "it.",
        "ko": "시작점: ({x}, {y}) — 이 곡면에 정해 둔 시작점입니다. 옮기려면 ‘시작점 직접 "
        "고르기’를 켜세요.",
    },
    "adam.lrs_now": {
        "en": "Learning rates picked for this surface: {items}. Turn on “Choose the learning "
        "rates myself” to change them.",
        "ko": "이 곡면에 맞게 고른 학습률: {items}. 바꾸려면 ‘학습률 직접 고르기’를 켜세요.",
    },
    "adam.lr_item": {"en": "{name} {lr}", "ko": "{name} {lr}"},
    # the learning-rate options as the sliders show them (numbers: the same in both)
    "adam.rate.0.0001": {"en": "0.0001", "ko": "0.0001"},
    "adam.rate.0.0003": {"en": "0.0003", "ko": "0.0003"},
    "adam.rate.0.001": {"en": "0.001", "ko": "0.001"},
    "adam.rate.0.003": {"en": "0.003", "ko": "0.003"},
    "adam.rate.0.01": {"en": "0.01", "ko": "0.01"},
    "adam.rate.0.03": {"en": "0.03", "ko": "0.03"},
    "adam.rate.0.05": {"en": "0.05", "ko": "0.05"},
    "adam.rate.0.1": {"en": "0.1", "ko": "0.1"},
    "adam.rate.0.15": {"en": "0.15", "ko": "0.15"},
    "adam.rate.0.3": {"en": "0.3", "ko": "0.3"},
    "adam.rate.1.0": {"en": "1.0", "ko": "1.0"},
    "adam.list_sep": {"en": ", ", "ko": ", "},
    # 1. the moves chart
    "adam.moves_x": {"en": "|Δx| (move of x)", "ko": "|Δx| (x의 이동)"},
    "adam.moves_y": {"en": "|Δy| (move of y)", "ko": "|Δy| (y의 이동)"},
    "adam.moves_alpha": {"en": "α (learning rate)", "ko": "α (학습률)"},
    "adam.moves_current": {"en": "step {k}", "ko": "{k}단계"},
    "adam.moves_xlabel": {"en": "step t", "ko": "단계 t"},
    "adam.moves_ylabel": {"en": "size of the move", "ko": "이동 크기"},
    "adam.moves_caption": {
        "en": "*What to look at:* step 1 moved x by {mx} and y by {my}, although their slopes "
        "were {gx} and {gy}: Adam's move is set by α = {lr}, not by the slope. The moves shrink "
        "as the average v̂ shrinks near the minimum, and dip where a coordinate turns around. "
        "The black dots mark step k, the step of the formulas above.",
        "ko": "*볼 곳:* 기울기의 크기와 상관없이 1단계에서 x는 {mx}, y는 {my}만큼 "
        "움직였습니다(기울기 x: {gx}, y: {gy}). Adam의 이동 크기를 정하는 것은 기울기가 아니라 "
        "학습률 α = {lr}입니다. 최솟값 근처에서 평균 v̂가 작아지면 이동도 줄고, 좌표가 방향을 "
        "바꾸는 곳에서는 움푹 꺼집니다. 검은 점은 위 식이 보여 주는 k단계입니다.",
    },
    "adam.side_adam": {"en": "Adam's averages", "ko": "Adam의 평균들"},
    "adam.b1": {
        "en": "β₁ (average of gradients; momentum uses it too)",
        "ko": "β₁ (기울기 평균용, 모멘텀도 같은 값 사용)",
    },
    "adam.b2": {
        "en": "β₂ (average of squared gradients; RMSprop uses it too)",
        "ko": "β₂ (기울기 제곱 평균용, RMSprop도 같은 값 사용)",
    },
    "adam.bc": {"en": "Bias correction", "ko": "편향 보정"},
    "adam.bc_help": {
        "en": "Divide the averages by 1 − βᵗ before the step (Adam as published and as in "
        "`torch.optim.Adam`). Turn it off to see what the correction repairs.",
        "ko": "이동하기 전에 평균을 1 − βᵗ로 나눕니다(논문과 `torch.optim.Adam`의 방식). 끄면 "
        "보정이 무엇을 바로잡는지 볼 수 있습니다.",
    },
    "adam.side_lr": {"en": "Learning rates", "ko": "학습률"},
    "adam.tune": {
        "en": "Choose the learning rates myself",
        "ko": "학습률 직접 고르기",
    },
    "adam.lr_of": {"en": "α for {name}", "ko": "{name}의 α"},
    "adam.setup": {
        "en": "Now: {surface}, start ({x}, {y}); Adam with α = {lr}, β₁ = {b1}, β₂ = {b2}, "
        "ε = 10⁻⁸, bias correction {bc}.",
        "ko": "현재 설정: {surface}, 시작점 ({x}, {y}); Adam은 α = {lr}, β₁ = {b1}, "
        "β₂ = {b2}, ε = 10⁻⁸, 편향 보정 {bc}.",
    },
    "adam.on": {"en": "on", "ko": "켬"},
    "adam.off": {"en": "off", "ko": "끔"},
    # 1. the pieces
    "adam.s1_title": {"en": "1. Three pieces you already know", "ko": "1. 이미 아는 세 조각"},
    "adam.s1_text": {
        "en": "At every step Adam takes the gradient g and updates two running averages, then "
        "corrects both before it moves. Each line below is borrowed from an earlier page. "
        "The paper's defaults (also those of `torch.optim.Adam`) are α = 0.001, β₁ = 0.9, "
        "β₂ = 0.999, ε = 10⁻⁸; the race below uses larger α, picked per surface.",
        "ko": "Adam은 매 단계 기울기 g를 받아 두 개의 지수 가중 평균을 갱신하고, 움직이기 전에 "
        "둘 다 보정합니다. 아래 식은 모두 앞 페이지에서 빌려 온 것입니다. 논문의 기본값"
        "(`torch.optim.Adam`도 같음)은 α = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸이고, 아래 "
        "경주에서는 곡면마다 고른 더 큰 α를 씁니다.",
    },
    "adam.piece_momentum_title": {"en": "**Momentum's piece**", "ko": "**모멘텀에서 온 조각**"},
    "adam.piece_momentum": {
        "en": "v averages the gradients. Components that keep flipping sign cancel out in v; "
        "components that keep pointing the same way build up. This gives the direction.",
        "ko": "v는 기울기의 평균입니다. 부호가 계속 바뀌는 성분은 v 안에서 서로 상쇄되고, "
        "같은 방향을 가리키는 성분은 쌓입니다. 이것이 나아갈 방향을 정합니다.",
    },
    "adam.piece_rmsprop_title": {"en": "**RMSprop's piece**", "ko": "**RMSprop에서 온 조각**"},
    "adam.piece_rmsprop": {
        "en": "s averages the squared gradients, so signs cannot cancel: √s measures how large "
        "the gradients of each coordinate usually are. Dividing by it evens out the step size.",
        "ko": "s는 기울기 제곱의 평균이라 부호가 상쇄되지 않습니다. √s는 각 좌표의 기울기가 "
        "보통 얼마나 큰지를 재고, 이것으로 나누면 좌표마다 보폭이 고르게 맞춰집니다.",
    },
    "adam.piece_correction_title": {
        "en": "**Bias correction**",
        "ko": "**편향 보정**",
    },
    "adam.piece_correction": {
        "en": "Both averages start at 0, so early on they are too small. Dividing by 1 − βᵗ "
        "undoes that; the factor goes to 1 as t grows, so later steps are left alone.",
        "ko": "두 평균 모두 0에서 시작하므로 초반에는 실제보다 작습니다. 1 − βᵗ로 나누면 이 "
        "치우침이 풀립니다. t가 커지면 이 값은 1에 가까워지므로 나중 단계에는 영향이 없습니다.",
    },
    "adam.from_page": {"en": "From the page: {page}", "ko": "출처 페이지: {page}"},
    "adam.from_page_soon": {
        "en": "From the page “{page}” (coming soon).",
        "ko": "“{page}” 페이지에서 다룹니다(준비 중).",
    },
    "adam.update_text": {
        "en": "The move: the direction comes from v̂ (momentum), the scale from √ŝ (RMSprop). "
        "When the gradients are steady, v̂ ≈ g and √ŝ ≈ |g|, so each coordinate moves by about "
        "α no matter how steep the surface is there. ε = 10⁻⁸ only keeps the division safe.",
        "ko": "이동 식: 방향은 v̂(모멘텀)에서, 크기는 √ŝ(RMSprop)에서 옵니다. 기울기가 꾸준하면 "
        "v̂ ≈ g, √ŝ ≈ |g|이므로 곡면이 얼마나 가파르든 각 좌표는 대략 α만큼 움직입니다. "
        "ε = 10⁻⁸은 0으로 나누는 일을 막을 뿐입니다.",
    },
    "adam.code_title": {"en": "The code behind it", "ko": "이 식을 계산하는 코드"},
    "adam.code_text": {
        "en": "This is the update this page runs (from `optim_core/optimizers.py`). `ewa_update` "
        "is the same function the momentum and RMSprop updates call; `debias` is the "
        "correction from the weighted-averages page.",
        "ko": "이 페이지가 실제로 실행하는 갱신 코드입니다(`optim_core/optimizers.py`). "
        "`ewa_update`는 모멘텀과 RMSprop이 부르는 바로 그 함수이고, `debias`는 지수 가중 평균 "
        "페이지의 보정입니다.",
    },
    "adam.k": {"en": "Step k to inspect", "ko": "살펴볼 단계 k"},
    "adam.k_clamped": {
        "en": "Step {k} lies past the end of the run (its number of steps, or where it "
        "diverged), so the numbers below are those of its last step, {shown}.",
        "ko": "{k}단계는 실행이 끝난 뒤(단계 수를 넘었거나 발산한 뒤)라서, 아래 숫자는 마지막 "
        "단계인 {shown}단계의 값입니다.",
    },
    "adam.live_text": {
        "en": "The numbers of step {k} of the Adam run in the race below, one coordinate at a "
        "time. The coloured result of each line feeds the next line.",
        "ko": "아래 경주에 나오는 Adam 실행의 {k}단계 숫자를 좌표별로 보여 줍니다. 각 줄의 "
        "색칠된 결과가 다음 줄에 들어갑니다.",
    },
    "adam.coord_label": {
        "en": "**Coordinate {coord}** — gradient g = {g}",
        "ko": "**{coord} 좌표** — 기울기 g = {g}",
    },
    "adam.live_no_bc": {
        "en": "Bias correction is off: v̂ and ŝ are shown for comparison, but the step uses "
        "the raw v and s.",
        "ko": "편향 보정이 꺼져 있습니다. v̂와 ŝ는 비교용으로만 보여 주고, 이동에는 보정 전 "
        "v와 s를 씁니다.",
    },
    "adam.s1_try": {
        "en": "Move k from 1 to 5. At k = 1 the corrected v̂ is exactly g and ŝ is exactly g², "
        "so the step is −α times the sign of g. Then set β₁ to 0 and check that v becomes just "
        "g: Adam turns into RMSprop with bias correction.",
        "ko": "k를 1에서 5까지 움직여 보세요. k = 1에서는 보정된 v̂가 정확히 g, ŝ가 정확히 "
        "g²이므로 이동량은 −α에 g의 부호를 곱한 값입니다. 그다음 β₁을 0으로 두면 v가 그냥 g가 "
        "되어 Adam이 편향 보정을 한 RMSprop이 되는 것을 확인해 보세요.",
    },
    # 2. bias correction
    "adam.s2_title": {"en": "2. Bias correction close up", "ko": "2. 편향 보정 자세히 보기"},
    "adam.s2_text": {
        "en": "The first 30 steps of the Adam run, one coordinate: dashed lines are the raw "
        "averages v and s, solid lines the corrected v̂ and ŝ. The raw ones start far below the "
        "gradients they are averaging and only catch up after many steps (about 1/(1 − β)).",
        "ko": "Adam 실행의 처음 30단계를 한 좌표에 대해 보여 줍니다. 점선은 보정 전 평균 v와 s, "
        "실선은 보정한 v̂와 ŝ입니다. 보정 전 평균은 평균 내는 기울기보다 한참 낮게 시작해서, "
        "여러 단계(대략 1/(1 − β))가 지나야 따라잡습니다.",
    },
    "adam.coord": {"en": "Coordinate", "ko": "좌표"},
    "adam.closeup_left": {
        "en": "Gradients of {coord}: g, v, v̂",
        "ko": "{coord}의 기울기: g, v, v̂",
    },
    "adam.closeup_right": {
        "en": "Squared gradients of {coord}: g², s, ŝ",
        "ko": "{coord}의 기울기 제곱: g², s, ŝ",
    },
    "adam.trace_g": {"en": "g (gradient)", "ko": "g (기울기)"},
    "adam.trace_v": {"en": "v (raw average)", "ko": "v (보정 전 평균)"},
    "adam.trace_v_hat": {"en": "v̂ (corrected)", "ko": "v̂ (보정 후)"},
    "adam.trace_g2": {"en": "g² (squared gradient)", "ko": "g² (기울기 제곱)"},
    "adam.trace_s": {"en": "s (raw average)", "ko": "s (보정 전 평균)"},
    "adam.trace_s_hat": {"en": "ŝ (corrected)", "ko": "ŝ (보정 후)"},
    "adam.first_text": {
        "en": "The very first step, coordinate {coord}: the first gradient is g₁ = {g} and "
        "α = {lr}. The first rows: the formula for the current setting; the last two: the move "
        "measured in the run.",
        "ko": "맨 첫 단계, {coord} 좌표: 첫 기울기는 g₁ = {g}, α = {lr}입니다. 위쪽 줄은 현재 "
        "설정의 식, 아래 두 줄은 실행에서 잰 실제 이동입니다.",
    },
    "adam.first_compare": {
        "en": "First step in units of α: **{with_c} α** with correction, **{without} α** "
        "without; (1 − β₁)/√(1 − β₂) = **{ratio}**.",
        "ko": "α를 단위로 본 첫 이동: 보정하면 **{with_c} α**, 보정하지 않으면 **{without} α**; "
        "(1 − β₁)/√(1 − β₂) = **{ratio}**.",
    },
    "adam.why": {
        "en": "Why the two differ: at step 1 the raw averages are v₁ = (1 − β₁)·g, shrunk by the "
        "factor {shrink_v}, and s₁ = (1 − β₂)·g², whose square root is shrunk by "
        "√(1 − β₂) = {shrink_root}. Both are pulled toward 0, but by different amounts, so the "
        "ratio v/√s is off by {shrink_v}/{shrink_root} = {ratio} (β₁ = {b1}, β₂ = {b2}). With "
        "correction both are divided back up and the first step is α, whatever the gradient.",
        "ko": "둘이 다른 이유: 1단계에서 보정 전 평균은 v₁ = (1 − β₁)·g로 {shrink_v}배로 줄어 "
        "있고, s₁ = (1 − β₂)·g²의 제곱근은 √(1 − β₂) = {shrink_root}배로 줄어 있습니다. 둘 다 "
        "0 쪽으로 끌려가지만 그 정도가 달라서, 비율 v/√s가 {shrink_v}/{shrink_root} = {ratio}배 "
        "어긋납니다(β₁ = {b1}, β₂ = {b2}). 보정하면 둘 다 원래 크기로 돌아가서, 기울기가 얼마든 "
        "첫 이동은 α가 됩니다.",
    },
    "adam.s2_try": {
        "en": "Turn bias correction off and watch the first step grow to about {ratio}·α at the "
        "default β values. Then set β₂ to {b2}: without correction the first step becomes "
        "{ratio_b2}·α, while with correction it stays α.",
        "ko": "편향 보정을 끄면 기본 β 값에서 첫 이동이 약 {ratio}·α로 커지는 것을 보세요. "
        "그다음 β₂를 {b2:으로/로} 두면, 보정 없이는 첫 이동이 {ratio_b2}·α가 되지만 보정하면 "
        "여전히 α입니다.",
    },
    # 3. the race
    "adam.s3_title": {"en": "3. The race", "ko": "3. 경주"},
    "adam.s3_text": {
        "en": "Plain gradient descent, momentum, RMSprop and Adam start from the same point. "
        "Momentum uses β = β₁ = {b1} and RMSprop β = β₂ = {b2}, the same averages Adam keeps, "
        "so the only differences are which pieces each method uses. Press Play.",
        "ko": "경사 하강법, 모멘텀, RMSprop, Adam이 같은 점에서 출발합니다. 모멘텀은 "
        "β = β₁ = {b1}, RMSprop은 β = β₂ = {b2:으로/로} Adam이 쓰는 평균과 같으므로, 차이는 각 방법이 "
        "어떤 조각을 쓰느냐뿐입니다. 재생 버튼을 눌러 보세요.",
    },
    "adam.frames_note": {
        "en": "The animation shows {frames} of the {steps} steps: every step up to step {dense}, "
        "then steps farther and farther apart (each about {growth}% past the one before) up to "
        "step {steps}. The slider names the step of each frame.",
        "ko": "애니메이션은 {steps}단계 가운데 {frames}개 장면만 보여 줍니다. {dense}단계까지는 "
        "모든 단계를, 그다음부터는 앞 장면보다 약 {growth}%씩 뒤의 단계를 골라 {steps}단계까지 "
        "보여 줍니다. 슬라이더에 각 장면의 단계가 적혀 있습니다.",
    },
    "adam.left_map": {
        "en": "{name} left the plotted area at step {step}; its path is drawn up to there.",
        "ko": "{name}: {step}단계에서 그림 영역을 벗어났습니다. 경로는 거기까지 그렸습니다.",
    },
    "adam.gap": {"en": "f − f*", "ko": "f − f*"},
    "adam.cost_caption": {
        "en": "Cost above the minimum value, f − f*, on a log scale. Gaps below 10⁻¹⁶ are "
        "round-off and are drawn on the 10⁻¹⁶ line.",
        "ko": "최솟값과의 차이 f − f*를 로그 눈금으로 그렸습니다. 10⁻¹⁶보다 작은 차이는 반올림 "
        "오차 수준이라 10⁻¹⁶ 선 위에 그렸습니다.",
    },
    "adam.col_optimizer": {"en": "Optimizer", "ko": "옵티마이저"},
    "adam.col_arrived": {"en": "Arrived at step", "ko": "도착 단계"},
    # a no-break space keeps "x, y" on one line when a narrow column wraps its title
    "adam.col_first": {"en": "First step size x,\u00a0y", "ko": "첫 이동 크기 x,\u00a0y"},
    "adam.col_cross": {
        "en": "Passes of the minimum x,\u00a0y",
        "ko": "최솟값을 지나친 횟수 x,\u00a0y",
    },
    "adam.not_within": {
        "en": "not within {steps} steps (final cost {cost})",
        "ko": "{steps}단계 안에 도착 못 함(마지막 비용 {cost})",
    },
    "adam.diverged_cell": {"en": "diverged at step {step}", "ko": "{step}단계에서 발산"},
    "adam.verdict": {
        "en": "**Who won:** {name} arrived first, at step {step}.",
        "ko": "**누가 이겼나:** {name:이/가} {step}단계에서 가장 먼저 도착했습니다.",
    },
    "adam.verdict_then": {"en": "Then {items}.", "ko": "이어서 {items} 순입니다."},
    "adam.then_item": {"en": "{name} (step {step})", "ko": "{name}({step}단계)"},
    "adam.verdict_missed": {
        "en": "Not there within {steps} steps: {names}.",
        "ko": "{steps}단계 안에 도착하지 못함: {names}.",
    },
    "adam.verdict_none": {
        "en": "**Who won:** nobody came within 10⁻⁶ of the minimum in {steps} steps.",
        "ko": "**누가 이겼나:** {steps}단계 안에 최솟값과 10⁻⁶ 이내로 들어온 옵티마이저가 "
        "없습니다.",
    },
    "adam.compare": {
        "en": "Compare {first} with {other}: first step {first_move} against {other_move}, and "
        "{first_cross} against {other_cross} passes of the minimum before arriving.",
        "ko": "{first:과/와} {other:을/를} 비교해 보면, 첫 이동은 {first_move} 대 {other_move}, "
        "도착하기 전에 최솟값을 지나친 횟수는 {first_cross}번 대 {other_cross}번입니다.",
    },
    "adam.why_race": {
        "en": "**Why:** the last two columns measure it. *First step:* RMSprop's average of "
        "squared gradients starts at 0 and is not corrected, so its first step is about "
        "α/√(1 − β₂) = {rms} α per coordinate; {adam_first}; "
        "gradient descent's first step is α·|g| and momentum's α·(1 − β₁)·|g|, large only where "
        "the slope is steep. *Passes of the minimum:* an average of the gradients (momentum, "
        "and Adam with β₁ = {b1}) keeps pushing after the minimum has been passed, so those "
        "paths swing past it and back, which costs steps. Gradient descent passes it too when "
        "one move is longer than the way to the minimum, but with no average each pass is "
        "shorter than the one before (or the run diverges).",
        "ko": "**왜 그럴까:** 표의 마지막 두 열이 그 답입니다. *첫 이동:* RMSprop의 기울기 제곱 "
        "평균은 0에서 시작하고 보정하지 않으므로, 첫 이동이 좌표마다 약 α/√(1 − β₂) = {rms} α나 "
        "됩니다. {adam_first}. 경사 하강법의 첫 이동은 α·|g|, "
        "모멘텀은 α·(1 − β₁)·|g|라서 경사가 가파른 곳에서만 큽니다. *최솟값을 지나친 횟수:* "
        "기울기의 평균(모멘텀, 그리고 β₁ = {b1}인 Adam)은 최솟값을 지난 뒤에도 계속 밀어 주므로, "
        "경로가 최솟값을 지나쳤다가 되돌아오느라 단계를 씁니다. 경사 하강법도 한 번의 이동이 "
        "최솟값까지의 거리보다 길면 지나치지만, 평균이 없어서 지나칠 때마다 폭이 줄어듭니다"
        "(줄지 않으면 발산합니다).",
    },
    "adam.showcase": {
        "en": "**Where Adam's strengths show:** switch to Beale (other settings at their "
        "defaults). There Adam arrives first, at step {adam}; momentum needs {momentum} steps, "
        "gradient descent {gd} and RMSprop {rmsprop}. Bias correction keeps Adam's first step "
        "at α, so it can use α = {adam_lr}; RMSprop with that same α makes a first step of "
        "{rms_first} and leaves the map at step {rms_left}, so it has to use α = {rms_lr} and "
        "crawls across Beale's flat floor. **And where they do not:** on the Rosenbrock valley "
        "momentum arrives first (step {r_momentum}; Adam at step {r_adam}), and gradient "
        "descent and RMSprop do not arrive within {steps} steps. No method wins everywhere.",
        "ko": "**Adam의 강점이 드러나는 곳:** 곡면을 빌 함수로 바꿔 보세요(나머지 설정은 "
        "기본값). 여기서는 Adam이 {adam}단계로 가장 먼저 도착하고, 모멘텀은 {momentum}단계, "
        "경사 하강법은 {gd}단계, RMSprop은 {rmsprop}단계가 걸립니다. 편향 보정 덕분에 Adam의 첫 "
        "이동은 α에 머무르므로 α = {adam_lr}처럼 큰 학습률을 쓸 수 있습니다. 같은 α로 RMSprop을 "
        "돌리면 첫 이동이 {rms_first:이나/나} 되어 {rms_left}단계에서 그림 밖으로 나가 버리므로, "
        "RMSprop은 α = {rms_lr:을/를} 써야 하고 빌 함수의 평평한 바닥을 기어가듯 지나갑니다. "
        "**강점이 드러나지 않는 곳:** 로젠브록 골짜기에서는 모멘텀이 먼저 도착하고"
        "({r_momentum}단계, Adam은 {r_adam}단계), 경사 하강법과 RMSprop은 {steps}단계 안에 "
        "도착하지 못합니다. 모든 곡면에서 이기는 방법은 없습니다.",
    },
    "adam.table_caption": {
        "en": "Measured on the runs above, within {steps} steps: the first step at which the "
        "cost came within 10⁻⁶ of the minimum value (f − f* ≤ 10⁻⁶), how far the first step "
        "moved each coordinate, and how often each coordinate passed the minimum's before "
        "arriving (over the whole run, for a run that did not arrive).",
        "ko": "위 실행에서 {steps}단계 안에 잰 값입니다. 비용이 최솟값과 10⁻⁶ 이내로 처음 들어온 "
        "단계(f − f* ≤ 10⁻⁶), 첫 이동에서 각 좌표가 움직인 거리, 도착하기 전까지(도착하지 못한 "
        "실행은 전체 실행 동안) 각 좌표가 최솟값의 좌표를 지나친 횟수입니다.",
    },
    "adam.default_lrs": {
        "en": "Each optimizer uses a learning rate picked for this surface (shown in the "
        "table). Turn on “Choose the learning rates myself” in the sidebar to change them.",
        "ko": "각 옵티마이저는 이 곡면에 맞게 고른 학습률을 씁니다(표에 표시). 바꾸려면 "
        "사이드바에서 ‘학습률 직접 고르기’를 켜세요.",
    },
    "adam.s3_try": {
        "en": "On the elongated bowl, raise κ to {kappa}: gradient descent with α = {lr_gd} now "
        "diverges (it needs α < 2/κ = {limit}), while Adam, which divides by √ŝ, keeps its step "
        "near α. Then switch to Rosenbrock and compare how each method follows the curved "
        "valley.",
        "ko": "길쭉한 그릇에서 κ를 {kappa:으로/로} 올려 보세요. α = {lr_gd}인 경사 하강법은 "
        "발산하지만(α가 2/κ = {limit}보다 작아야 함), √ŝ로 나누는 Adam은 보폭을 α 근처로 "
        "유지합니다. 그다음 로젠브록으로 바꿔 각 방법이 굽은 골짜기를 어떻게 따라가는지 "
        "비교해 보세요.",
    },
    # 4. 3-D
    "adam.s4_title": {"en": "4. The surface in 3D", "ko": "4. 곡면을 입체로 보기"},
    "adam.s4_text": {
        "en": "The whole path of each optimizer on the surface itself. Drag to rotate; the "
        "camera buttons bring back a standard view.",
        "ko": "각 옵티마이저의 전체 경로를 곡면 위에 그렸습니다. 끌어서 돌려 보고, 카메라 "
        "버튼으로 기본 시점으로 돌아올 수 있습니다.",
    },
    "adam.height": {"en": "f", "ko": "f"},
    "adam.height_log": {"en": "f (log scale)", "ko": "f (로그 눈금)"},
    "adam.s4_try": {
        "en": "Look from the side on Beale: the walls are so steep that the height axis is on "
        "a log scale (each tick ten times the one below). Follow the paths down to the flat "
        "floor where the minimum lies.",
        "ko": "빌 함수에서 ‘옆에서’ 시점으로 보세요. 벽이 너무 가팔라서 높이 축을 로그 눈금으로 "
        "그렸습니다(눈금 하나가 아래 눈금의 열 배). 경로가 최솟값이 있는 평평한 바닥까지 "
        "내려가는 모습을 따라가 보세요.",
    },
    "adam.why_adam_bc": {
        "en": "Adam's bias correction makes its first step α",
        "ko": "Adam은 편향 보정 덕분에 첫 이동이 α입니다",
    },
    "adam.why_adam_raw": {
        "en": "Adam, with its bias correction off, first moves (1 − β₁)/√(1 − β₂) = {ratio} α",
        "ko": "편향 보정을 끈 Adam은 첫 이동이 (1 − β₁)/√(1 − β₂) = {ratio} α입니다",
    },
    # what to look at, under each chart (numbers from the run)
    "adam.look.closeup": {
        "en": "*What to look at:* at t = 1 the corrected v̂ starts on the gradient itself "
        "({g1}), while the raw v starts at (1 − β₁)·g₁ = {v1}. The raw s climbs even more "
        "slowly: after {count} steps it is still only {pct}% of ŝ, since each step adds only "
        "1 − β₂ = {w2} of g².",
        "ko": "*볼 곳:* t = 1에서 보정한 v̂는 기울기 값({g1})에서 바로 시작하지만, 보정 전 v는 "
        "(1 − β₁)·g₁ = {v1}에서 시작합니다. 보정 전 s는 더 느리게 올라옵니다. 단계마다 g²의 "
        "1 − β₂ = {w2}만큼만 더해지므로 {count}단계가 지나도 ŝ의 {pct}%에 불과합니다.",
    },
    "adam.look.race": {
        "en": "*What to look at:* all four paths leave the white ring at ({x}, {y}); each star "
        "is a minimum. Press Play and watch which heads go straight for it and which swing "
        "past it: the most passes, {cross}, are by {names} (the last column of the table "
        "below).",
        "ko": "*볼 곳:* 네 경로 모두 흰 고리 ({x}, {y})에서 출발하고, 별은 최솟값입니다. 재생을 "
        "누르고 어느 경로가 곧장 가고 어느 경로가 지나쳤다 돌아오는지 보세요. 최솟값을 가장 많이 "
        "지나친 것은 {names}, {cross}번입니다(아래 표의 마지막 열).",
    },
    "adam.look.race_straight": {
        "en": "*What to look at:* all four paths leave the white ring at ({x}, {y}); each star "
        "is a minimum. Press Play: no path swings past the minimum it ends in.",
        "ko": "*볼 곳:* 네 경로 모두 흰 고리 ({x}, {y})에서 출발하고, 별은 최솟값입니다. 재생을 "
        "눌러 보세요. 도착하는 최솟값을 지나치는 경로는 없습니다.",
    },
    "adam.look.costs": {
        "en": "*What to look at:* the lower a curve, the closer that run is to the minimum; a "
        "curve on the 10⁻¹⁶ line has reached it up to round-off. {name} is the first to fall "
        "below 10⁻⁶, at step {step}.",
        "ko": "*볼 곳:* 곡선이 낮을수록 그 실행이 최솟값에 가깝고, 10⁻¹⁶ 선에 닿은 곡선은 반올림 "
        "오차 안에서 최솟값에 도착한 것입니다. 10⁻⁶ 아래로 가장 먼저 내려간 것은 {name}, "
        "{step}단계입니다.",
    },
    "adam.look.costs_none": {
        "en": "*What to look at:* the lower a curve, the closer that run is to the minimum; "
        "here no curve falls below 10⁻⁶ within {steps} steps.",
        "ko": "*볼 곳:* 곡선이 낮을수록 그 실행이 최솟값에 가깝습니다. 여기서는 {steps}단계 안에 "
        "10⁻⁶ 아래로 내려간 곡선이 없습니다.",
    },
    "adam.spike_gd": {
        "en": "**Why gradient descent's cost jumps at step {peak}** (f − f* from {low} to "
        "{high}): the walls of the valley it follows grow steeper as it goes. From step {since} "
        "on, their curvature λₘₐₓ (the largest eigenvalue of the Hessian) is above "
        "2/α = {limit} ({curv} just before the jump), so every step across the valley "
        "overshoots by more than the one before. The zig-zag grows until it throws the run up "
        "a wall; the run falls back where the walls are gentler (α·λₘₐₓ down to {after}) and "
        "creeps on.",
        "ko": "**경사 하강법의 비용이 {peak}단계에서 튀는 이유**(f − f*가 {low}에서 "
        "{high:으로/로}): 따라가는 골짜기의 벽이 갈수록 가팔라지기 때문입니다. {since}단계부터 "
        "벽의 곡률 λₘₐₓ(헤세 행렬의 가장 큰 고윳값)가 2/α = {limit}보다 커서(튀기 직전 "
        "{curv}), 골짜기를 가로지르는 이동이 단계마다 앞 단계보다 더 멀리 넘어갑니다. 이 "
        "지그재그가 점점 커져 결국 경로를 벽 위로 던져 올리고, 경로는 벽이 완만한 곳으로 "
        "떨어진 뒤(α·λₘₐₓ가 {after}까지 내려감) 다시 천천히 나아갑니다.",
    },
    "adam.spike_rmsprop": {
        "en": "**Why RMSprop's cost jumps at step {peak}** (f − f* from {low} to {high}): it "
        "divides each step by √s, the root of its average of squared gradients over about "
        "1/(1 − β₂) = {memory} steps. On the steep first steps √s of {coord} grew to "
        "{high_root} (step {high_step}); on the flat floor of the valley it sank to "
        "{low_root}, so there its steps are {ratio} times longer for the same gradient. From "
        "step {since} on, that step size times the curvature (the largest eigenvalue of "
        "(α/√s)·H) is above 2 ({number} just before the jump): every step across the valley "
        "overshoots by more than the one before, until the run is thrown up a wall. The large "
        "gradients there raise √s again (to {after_root}), its steps shrink and it settles back "
        "on the floor.",
        "ko": "**RMSprop의 비용이 {peak}단계에서 튀는 이유**(f − f*가 {low}에서 "
        "{high:으로/로}): RMSprop은 이동을 √s로 나누는데, s는 대략 1/(1 − β₂) = {memory}단계에 "
        "걸친 기울기 제곱의 평균입니다. 가파른 처음 단계들에서 {coord}의 √s는 {high_root}까지 "
        "커졌고({high_step}단계), 골짜기의 평평한 바닥에서는 {low_root}까지 줄어서 같은 "
        "기울기에도 이동이 {ratio}배 길어졌습니다. {since}단계부터 이 보폭에 곡률을 곱한 값"
        "((α/√s)·H의 가장 큰 고윳값)이 2보다 커서(튀기 직전 {number}), 골짜기를 가로지르는 "
        "이동이 단계마다 앞 단계보다 더 멀리 넘어가다가 결국 벽 위로 던져집니다. 그곳의 큰 "
        "기울기가 √s를 다시 키우면({after_root}까지) 이동이 줄고 경로는 바닥으로 돌아옵니다.",
    },
    "adam.spike_more": {
        "en": "The same happens {more} more times within the {steps} steps.",
        "ko": "{steps}단계 동안 같은 일이 {more}번 더 일어납니다.",
    },
    "adam.look.surface_climb": {
        "en": "*What to look at:* the same paths on the surface itself. Every path starts at "
        "height f = {start}; {name} first climbs a wall, up to f = {value} at step "
        "{step}, before it comes down to the minimum (f = {minimum}).",
        "ko": "*볼 곳:* 같은 경로를 곡면 위에 그렸습니다. 모든 경로는 높이 f = {start}에서 "
        "출발합니다. {name:은/는} 먼저 벽을 f = {value}까지 올라갔다가({step}단계) "
        "최솟값(f = {minimum})으로 내려옵니다.",
    },
    "adam.look.surface_down": {
        "en": "*What to look at:* the same paths on the surface itself. Every path starts at "
        "height f = {start} and none climbs above it on its way down to the minimum "
        "(f = {minimum}); rotate the view to see where each one runs along the floor.",
        "ko": "*볼 곳:* 같은 경로를 곡면 위에 그렸습니다. 모든 경로는 높이 f = {start}에서 "
        "출발하고, 최솟값(f = {minimum})으로 내려가는 동안 그보다 높이 올라가는 경로는 "
        "없습니다. 시점을 돌려 각 경로가 바닥을 어떻게 따라가는지 보세요.",
    },
}
