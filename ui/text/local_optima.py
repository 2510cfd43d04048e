"""Strings of the local-optima page."""

STRINGS = {
    "local_optima.title": {"en": "Local optima and saddle points", "ko": "지역 최적점과 안장점"},
    "local_optima.intro": {
        "en": "A real cost surface is not one smooth bowl: it has many dips. Gradient descent "
        "only ever looks at the slope under its feet, so it rolls to the bottom of whichever "
        "dip it starts in. That bottom may be a shallow local minimum, far above the global "
        "one. Below you pick the start, add noise to the gradient the way mini-batches do, "
        "map which start ends where, and watch a run crawl past a saddle point.",
        "ko": "실제 비용 함수는 매끈한 그릇 하나가 아니라 여기저기 움푹 팬 곳이 많은 곡면입니다. "
        "경사 하강법은 지금 서 있는 곳의 기울기만 보기 때문에, 출발한 골짜기의 바닥까지만 "
        "굴러갑니다. 그 바닥은 전역 최솟값보다 한참 높은 얕은 지역 최솟값일 수도 있습니다. "
        "아래에서 시작점을 고르고, 미니배치처럼 기울기에 잡음을 섞어 보고, 어디서 출발하면 "
        "어디에 도착하는지 지도로 그려 보고, 안장점 근처에서 느려지는 모습도 살펴봅니다.",
    },
    # sidebar
    "local_optima.side.descent": {"en": "Gradient descent", "ko": "경사 하강법"},
    "local_optima.lr": {"en": "Learning rate α", "ko": "학습률 α"},
    "local_optima.steps": {"en": "Steps", "ko": "단계 수"},
    "local_optima.x0": {"en": "Start x₀", "ko": "시작점 x₀"},
    "local_optima.y0": {"en": "Start y₀", "ko": "시작점 y₀"},
    "local_optima.noise": {"en": "Gradient noise σ", "ko": "기울기 잡음 σ"},
    "local_optima.seed": {"en": "Random seed", "ko": "난수 시드"},
    "local_optima.extra": {"en": "Also map", "ko": "함께 비교할 방법"},
    "local_optima.extra.none": {"en": "Nothing else", "ko": "없음"},
    "local_optima.extra.momentum": {"en": "Momentum", "ko": "모멘텀"},
    "local_optima.extra.adam": {"en": "Adam", "ko": "Adam"},
    "local_optima.offset": {
        "en": "Start offset δ from the saddle (in y)",
        "ko": "안장점에서 떨어진 거리 δ (y 방향)",
    },
    "local_optima.saddle_noise": {"en": "Noise σ at the saddle", "ko": "안장점에서의 잡음 σ"},
    # names
    "local_optima.min_global": {"en": "global", "ko": "전역"},
    "local_optima.min_local": {"en": "local {i}", "ko": "골짜기 {i}"},
    "local_optima.minima": {"en": "minima", "ko": "최솟값"},
    "local_optima.critical_points": {"en": "critical points", "ko": "임계점"},
    "local_optima.noisy_name": {"en": "Noisy gradient descent", "ko": "잡음 섞인 경사 하강법"},
    "local_optima.noisy_name_sigma": {
        "en": "Noisy gradient descent (σ = {sigma})",
        "ko": "잡음 섞인 경사 하강법 (σ = {sigma})",
    },
    "local_optima.pp": {"en": "{v} pp", "ko": "{v}%p"},
    "local_optima.unsettled": {"en": "did not settle", "ko": "자리 잡지 못함"},
    "local_optima.diverged": {"en": "diverged", "ko": "발산"},
    "local_optima.error": {
        "en": "These settings could not be run. Press “Reset to defaults” in the sidebar.",
        "ko": "이 설정으로는 계산할 수 없습니다. 사이드바의 ‘기본값으로 되돌리기’를 눌러 주세요.",
    },
    # 1. surface
    "local_optima.surface_header": {
        "en": "A surface with many dips",
        "ko": "움푹 팬 곳이 많은 곡면",
    },
    "local_optima.surface_text": {
        "en": "This polynomial surface has {n_min} minima: one global minimum (the lowest "
        "point, marked with a star) and {n_local} local minima, each the bottom of its own "
        "dip but higher than the global one. Between the dips lie ridges and saddle points. "
        "Turn the 3D view with the mouse, or pick a camera preset.",
        "ko": "이 다항식 곡면에는 최솟값이 {n_min}개 있습니다. 가장 낮은 전역 최솟값(별표) "
        "하나와, 저마다 자기 골짜기의 바닥이지만 전역 최솟값보다는 높은 지역 최솟값 "
        "{n_local}개입니다. 골짜기 사이에는 능선과 안장점이 있습니다. 입체 그림은 마우스로 "
        "돌려 보거나 카메라 위치를 골라 보세요.",
    },
    "local_optima.surface_title": {"en": "The cost surface f(x, y)", "ko": "비용 함수 f(x, y)"},
    "local_optima.contour_title": {
        "en": "Contour map: minima and their costs",
        "ko": "등고선 지도: 최솟값과 그 비용",
    },
    "local_optima.table_title": {"en": "All minima as a table", "ko": "최솟값 전체 표"},
    "local_optima.col_name": {"en": "minimum", "ko": "최솟값"},
    "local_optima.col_x": {"en": "x", "ko": "x"},
    "local_optima.col_y": {"en": "y", "ko": "y"},
    # 2. one start
    "local_optima.start_header": {
        "en": "Where you start decides where you end",
        "ko": "어디서 출발하느냐가 도착지를 정한다",
    },
    "local_optima.start_text": {
        "en": "Move the start x₀, y₀ below. Plain gradient descent (blue) follows the "
        "slope down into the dip it starts in. The noisy run (wine red) adds random noise of "
        "size σ to every gradient, like the scatter of mini-batch gradients around the true "
        "one: near a low ridge a few unlucky (or lucky) steps can throw it into the next dip. "
        "Press Play to watch both.",
        "ko": "아래에서 시작점 x₀, y₀를 옮겨 보세요. 경사 하강법(파란색)은 출발한 "
        "골짜기 안에서 기울기를 따라 내려갑니다. 잡음 섞인 경사 하강법(자주색)은 매 단계 "
        "기울기에 크기 σ의 무작위 잡음을 더합니다. 미니배치 기울기가 참 기울기 주변에서 "
        "흩어지는 것과 같습니다. 낮은 능선 근처에서는 운 나쁜(혹은 운 좋은) 몇 단계가 "
        "옆 골짜기로 넘겨 주기도 합니다. 재생을 눌러 두 경로를 비교해 보세요.",
    },
    "local_optima.paths_title": {
        "en": "Plain and noisy descent from one start",
        "ko": "한 시작점에서 출발한 두 경사 하강법",
    },
    "local_optima.ended_global": {
        "en": "**{who}** ended in the **{name} minimum** (cost {value}), the lowest point of the "
        "surface. Its last point was ({x}, {y}) with cost {cost}.",
        "ko": "**{who}**: **{name} 최솟값**(비용 {value})에 도착했습니다. 곡면에서 가장 낮은 "
        "곳입니다. 마지막 위치는 ({x}, {y}), 비용은 {cost}입니다.",
    },
    "local_optima.ended_local": {
        "en": "**{who}** ended in **{name}**, a local minimum with cost {value}: stuck in a dip "
        "above the global one. Its last point was ({x}, {y}) with cost {cost}.",
        "ko": "**{who}**: **{name}**의 바닥에 도착했습니다. 비용이 {value}인 지역 최솟값으로, "
        "전역 최솟값보다 높은 골짜기에 갇힌 것입니다. 마지막 위치는 ({x}, {y}), 비용은 {cost}입니다.",
    },
    "local_optima.ended_unsettled": {
        "en": "**{who}** did not settle in any minimum within {steps} steps; it stopped at "
        "({x}, {y}). Give it more steps or a larger learning rate (or less noise).",
        "ko": "**{who}**: {steps}단계 안에 어느 최솟값에도 자리 잡지 못하고 ({x}, {y})에서 "
        "멈췄습니다. 단계 수나 학습률을 늘리거나 잡음을 줄여 보세요.",
    },
    "local_optima.no_noise": {
        "en": "With σ = 0 the noisy run is plain gradient descent: both paths coincide.",
        "ko": "σ = 0이면 잡음 섞인 경사 하강법이 경사 하강법과 같아서 두 경로가 겹칩니다.",
    },
    "local_optima.same_end": {
        "en": "Both runs ended in the same minimum this time. Try another seed or a larger σ.",
        "ko": "이번에는 두 경로가 같은 최솟값에 도착했습니다. 다른 시드나 더 큰 σ를 골라 보세요.",
    },
    "local_optima.gd_formula": {
        "en": "The last of the {k} steps of plain gradient descent. At a minimum the gradient "
        "is (almost) zero, so the point stops moving: the update cannot tell a local minimum "
        "from the global one.",
        "ko": "경사 하강법 {k}단계 가운데 마지막 단계입니다. 최솟값에서는 기울기가 (거의) 0이라 "
        "점이 더 움직이지 않습니다. 이 갱신식은 지역 최솟값과 전역 최솟값을 구별하지 못합니다.",
    },
    "local_optima.noisy_formula": {
        "en": "Each noisy step adds a random kick of typical size α·σ = {step} per coordinate. "
        "In a shallow dip such kicks can carry the point over the ridge; in a deep one they "
        "rarely do.",
        "ko": "잡음 섞인 경사 하강법은 단계마다 좌표별로 대략 α·σ = {step} 크기의 무작위 충격을 "
        "더합니다. "
        "얕은 골짜기에서는 이 충격이 능선을 넘겨 주기도 하지만, 깊은 골짜기에서는 좀처럼 "
        "빠져나오지 못합니다.",
    },
    "local_optima.cost_title": {"en": "Cost per step", "ko": "단계별 비용"},
    "local_optima.try_start": {
        "en": "keep the start at (1.5, 0.5) and change the seed a few times: how often does the "
        "noisy run reach the global minimum? Then set σ to 0.5 or to 5 and compare.",
        "ko": "시작점을 (1.5, 0.5)에 두고 시드를 여러 번 바꿔 보세요. 잡음 섞인 경로가 전역 "
        "최솟값에 몇 번이나 도착하나요? 그다음 σ를 0.5나 5로 바꿔 비교해 보세요.",
    },
    # 3. basins
    "local_optima.basin_header": {
        "en": "Basins of attraction",
        "ko": "끌림 영역",
    },
    "local_optima.basin_text": {
        "en": "Now every point of a {n} × {n} grid is a start: {total} runs of {steps} steps, "
        "computed together in one batch. Each start is coloured by the minimum it reached. "
        "For plain gradient descent the colours form the basins of attraction: connected "
        "regions bounded by the ridges. Noise blurs the borders and moves starts into deeper "
        "basins. Grey starts did not settle near any minimum, black ones diverged.",
        "ko": "이번에는 {n} × {n} 격자의 모든 점이 시작점입니다. {steps}단계짜리 실행 {total}개를 "
        "한 번에 묶어 계산하고, 각 시작점을 도착한 최솟값의 색으로 칠했습니다. 경사 "
        "하강법에서는 이 색들이 능선으로 나뉜 끌림 영역이 됩니다. 잡음을 넣으면 경계가 흐려지고 "
        "더 깊은 골짜기로 옮겨 가는 시작점이 생깁니다. 회색은 어느 최솟값 근처에도 자리 잡지 "
        "못한 시작점, 검은색은 발산한 시작점입니다.",
    },
    "local_optima.extra_note.momentum": {
        "en": "Momentum runs without gradient noise, with the same α = {lr} and β = {beta}.",
        "ko": "모멘텀은 기울기 잡음 없이, 같은 학습률 α = {lr}에 β = {beta:을/를} 써서 "
        "실행했습니다.",
    },
    "local_optima.extra_note.adam": {
        "en": "Adam runs without gradient noise, with the same α = {lr}, β₁ = {beta1} and "
        "β₂ = {beta2}.",
        "ko": "Adam은 기울기 잡음 없이, 같은 학습률 α = {lr}에 β₁ = {beta1}, β₂ = {beta2:을/를} "
        "써서 실행했습니다.",
    },
    "local_optima.global_share_title": {
        "en": "Share of the starts that reach the global minimum",
        "ko": "전역 최솟값에 도착한 시작점의 비율",
    },
    "local_optima.rest_share": {
        "en": "did not settle: {unsettled}% · diverged: {diverged}%",
        "ko": "자리 잡지 못함: {unsettled}% · 발산: {diverged}%",
    },
    "local_optima.share_explain": {
        "en": "The share p★ of the global minimum for {who}: N★ starts ended within "
        "r = {radius} of it, out of N starts. A start counts for a minimum when its last "
        "point lies within r of that minimum (r is 0.3 × the distance between the two "
        "closest minima).",
        "ko": "{who}의 전역 최솟값 비율 p★입니다. 시작점 N개 가운데 N★개가 전역 최솟값에서 "
        "r = {radius} 안쪽에서 끝났습니다. 마지막 위치가 어떤 최솟값에서 r 안쪽이면 그 "
        "최솟값에 도착한 것으로 셉니다 (r은 가장 가까운 두 최솟값 사이 거리의 0.3배).",
    },
    "local_optima.share_axis": {"en": "share of starts", "ko": "시작점 비율"},
    "local_optima.bars_title": {
        "en": "Share of starts ending in each minimum",
        "ko": "최솟값별로 도착한 시작점 비율",
    },
    "local_optima.try_basins": {
        "en": "raise σ step by step from 0 to 6 and watch the global share: it first grows, "
        "then falls as more starts never settle. Then add momentum or Adam and compare "
        "their basins with plain gradient descent.",
        "ko": "σ를 0부터 6까지 조금씩 올리며 전역 최솟값 비율을 지켜보세요. 처음에는 늘다가, "
        "자리 잡지 못하는 시작점이 많아지면서 다시 줄어듭니다. 그다음 모멘텀이나 Adam을 "
        "추가해 경사 하강법과 끌림 영역을 비교해 보세요.",
    },
    # 4. saddle
    "local_optima.saddle_header": {
        "en": "Saddle points: the slow crawl",
        "ko": "안장점: 거의 멈춘 듯 느려지는 곳",
    },
    "local_optima.saddle_text": {
        "en": "In two dimensions local minima look like the main danger. In the many dimensions "
        "of a neural network most critical points (where the gradient is zero) are saddle "
        "points instead: the surface curves up in some directions and down in others "
        "(Dauphin et al., 2014). Near a saddle the gradient is tiny, so gradient descent "
        "slows to a crawl before it slides off. Here f(x, y) = x² + y⁴/4 − y²/2: a saddle at "
        "(0, 0) with two minima at (0, ±1) beyond it. The runs start at (1.5, δ), just off "
        "the ridge that leads into the saddle.",
        "ko": "2차원에서는 지역 최솟값이 가장 큰 걱정거리처럼 보입니다. 하지만 신경망처럼 차원이 "
        "아주 많으면 기울기가 0인 임계점은 대부분 안장점입니다. 어떤 방향으로는 위로, 다른 "
        "방향으로는 아래로 휘어 있는 점이지요 (Dauphin 외, 2014). 안장점 근처에서는 기울기가 "
        "아주 작아서 경사 하강법이 기어가듯 느려졌다가 겨우 미끄러져 나옵니다. 여기서는 "
        "f(x, y) = x² + y⁴/4 − y²/2를 씁니다. (0, 0)이 안장점이고 그 너머 (0, ±1)에 "
        "최솟값이 두 개 있습니다. 두 경로는 안장점으로 이어지는 능선에서 살짝 벗어난 "
        "(1.5, δ)에서 출발합니다.",
    },
    "local_optima.gradnorm_title": {
        "en": "Gradient size per step (log scale)",
        "ko": "단계별 기울기 크기 (로그 눈금)",
    },
    "local_optima.gradnorm_axis": {"en": "‖∇f‖", "ko": "‖∇f‖"},
    "local_optima.predicted_band": {"en": "predicted crawl", "ko": "예측한 정체 구간"},
    "local_optima.saddle_title": {
        "en": "Past the saddle of x² + y⁴/4 − y²/2",
        "ko": "x² + y⁴/4 − y²/2의 안장점 지나기",
    },
    "local_optima.escape_formula": {
        "en": "Near the saddle the Hessian has the eigenvalue λₘᵢₙ = {lam} along y, so each "
        "plain step multiplies the distance from the ridge by 1 + α·|λₘᵢₙ|. Starting δ away, "
        "it takes about k steps to get r = {r} away: the smaller δ, the longer the crawl, and "
        "exactly on the ridge (δ = 0) it never leaves. Noise pushes a run off the ridge from "
        "the first step, without waiting for δ to grow.",
        "ko": "안장점 근처에서 헤세 행렬의 y 방향 고윳값은 λₘᵢₙ = {lam}입니다. 그래서 "
        "경사 하강법은 한 단계마다 능선에서 떨어진 거리를 1 + α·|λₘᵢₙ|배로 늘립니다. "
        "δ만큼 떨어져 출발하면 r = {r}만큼 멀어지기까지 약 k단계가 걸립니다. δ가 작을수록 더 "
        "오래 기어가고, 능선 바로 위(δ = 0)에서는 영영 벗어나지 못합니다. 잡음이 있으면 δ가 "
        "저절로 커지기를 기다릴 필요 없이 첫 단계부터 능선 밖으로 밀려납니다.",
    },
    "local_optima.saddle_exit": {
        "en": "left that neighbourhood at step {step}",
        "ko": "{step}단계에서 그 근처를 벗어났고",
    },
    "local_optima.saddle_never_near": {
        "en": "never came that close at all",
        "ko": "애초에 그만큼 가까이 가지도 않았고",
    },
    "local_optima.saddle_no_exit": {
        "en": "had not left it after {steps} steps",
        "ko": "{steps}단계가 지나도 벗어나지 못했고",
    },
    "local_optima.saddle_settled": {
        "en": "then settled in a minimum",
        "ko": "결국 최솟값에 자리 잡았습니다",
    },
    "local_optima.saddle_unsettled": {
        "en": "did not reach a minimum",
        "ko": "최솟값에 닿지 못했습니다",
    },
    "local_optima.saddle_result": {
        "en": "**{who}** spent {near} steps within {r} of the saddle, {exit}, and {ended}.",
        "ko": "**{who}**: 안장점에서 {r} 안쪽에 {near}단계 머물렀고, {exit} {ended}.",
    },
    "local_optima.try_saddle": {
        "en": "set the offset δ to 1e-06 and then to 0: the plain run's crawl grows longer, and "
        "at 0 it sits on the saddle forever, while the noisy run leaves within a few dozen "
        "steps. Then set the saddle noise to 0.05.",
        "ko": "δ를 1e-06으로, 다음에는 0으로 바꿔 보세요. 경사 하강법은 점점 더 오래 기어가다가 "
        "0에서는 안장점에 영원히 머물지만, 잡음 섞인 경로는 수십 단계 안에 빠져나옵니다. 그다음 "
        "안장점 잡음을 0.05로 낮춰 보세요.",
    },
    # what to look at: one line under each chart, with the run's numbers
    "local_optima.look.surface": {
        "en": "*What to look at:* the yellow dot at the bottom of the deepest dip is the global "
        "minimum (cost {low}); the {n_local} white dots are local minima, each at the bottom of "
        "a dip of its own, the highest at cost {high}. Heights above {cap} are cut flat, so the "
        "dips fill the view.",
        "ko": "*볼 곳:* 가장 깊은 골짜기 바닥의 노란 점이 전역 최솟값(비용 {low})이고, 흰 점 "
        "{n_local}개는 저마다 자기 골짜기의 바닥에 있는 지역 최솟값입니다(가장 높은 것은 비용 "
        "{high}). 높이가 {cap}보다 높은 곳은 평평하게 잘라서 골짜기가 화면을 채우게 했습니다.",
    },
    "local_optima.look.paths": {
        "en": "*What to look at:* both runs leave the diamond at ({x}, {y}). The blue one rolls "
        "into the dip it starts in and stops there; the wine-red one is kicked around by its "
        "noise and can cross a ridge into another dip. Each minimum is labelled with its cost.",
        "ko": "*볼 곳:* 두 경로 모두 마름모 ({x}, {y})에서 출발합니다. 파란 경로는 출발한 "
        "골짜기로 굴러 내려가 그 바닥에서 멈추고, 자주색 경로는 잡음에 이리저리 밀리다가 능선을 "
        "넘어 다른 골짜기로 가기도 합니다. 최솟값마다 이름 옆에 비용을 적었습니다.",
    },
    "local_optima.look.costs": {
        "en": "*What to look at:* where a curve runs flat, that run rests in a dip: the blue "
        "one from step {flat} on, at cost {cost}. The dotted line is the global minimum's cost, "
        "{floor}, the lowest any run can reach.",
        "ko": "*볼 곳:* 곡선이 평평한 구간에서는 그 실행이 골짜기 바닥에 머물러 있습니다. 파란 "
        "곡선은 {flat}단계부터 비용 {cost}에 머뭅니다. 점선은 전역 최솟값의 비용 {floor:으로/로}, 어떤 "
        "실행도 이보다 낮아질 수 없습니다.",
    },
    "local_optima.look.costs_moving": {
        "en": "*What to look at:* where a curve runs flat, that run rests in a dip; here the "
        "blue one is still moving at step {steps}. The dotted line is the global minimum's "
        "cost, {floor}, the lowest any run can reach.",
        "ko": "*볼 곳:* 곡선이 평평한 구간에서는 그 실행이 골짜기 바닥에 머물러 있습니다. 여기서 "
        "파란 곡선은 {steps}단계에도 아직 움직이고 있습니다. 점선은 전역 최솟값의 비용 "
        "{floor:으로/로}, 어떤 실행도 이보다 낮아질 수 없습니다.",
    },
    "local_optima.look.basins": {
        "en": "*What to look at:* each colour is the basin of one minimum (yellow: the global "
        "one). Plain descent's basins are clean patches bounded by the ridges; with noise their "
        "borders fray: {moved}% of the starts end in another minimum than without noise.",
        "ko": "*볼 곳:* 색 하나가 최솟값 하나의 끌림 영역입니다(노란색이 전역 최솟값). 경사 "
        "하강법의 끌림 영역은 능선을 경계로 깔끔하게 나뉘지만, 잡음을 넣으면 경계가 흐트러져서 "
        "시작점의 {moved}%가 잡음이 없을 때와 다른 최솟값에 도착합니다.",
    },
    "local_optima.look.bars": {
        "en": "*What to look at:* each group of bars is one minimum (its cost in brackets): "
        "compare how many starts each method brings there, above all to the global minimum on "
        "the left: {items}.",
        "ko": "*볼 곳:* 막대 묶음 하나가 최솟값 하나입니다(괄호 안은 비용). 방법마다 그곳에 도착한 "
        "시작점이 얼마나 되는지, 특히 맨 왼쪽의 전역 최솟값에서 비교해 보세요: {items}.",
    },
    "local_optima.look.norms": {
        "en": "*What to look at:* the grey band (steps 0 to {band}) is the predicted crawl. "
        "While the plain run creeps past the saddle its gradient is small (down to {low} at "
        "step {at}), and so are its steps; once it has slid off, the gradient grows again "
        "before it falls towards a minimum.",
        "ko": "*볼 곳:* 회색 띠(0~{band}단계)가 예측한 정체 구간입니다. 경사 하강법이 안장점 옆을 "
        "기어가는 동안에는 기울기가 작아서({at}단계에서 {low}까지) 한 단계에 움직이는 거리도 "
        "작습니다. 안장점에서 미끄러져 나오면 기울기가 다시 커졌다가 최솟값에 가까워지며 "
        "줄어듭니다.",
    },
    "local_optima.look.norms_stuck": {
        "en": "*What to look at:* with δ = 0 there is no band: the plain run's gradient sinks "
        "towards zero as it slides into the saddle ({low} at step {at}), and it stays there; "
        "only a noisy run (σ above 0) gets away.",
        "ko": "*볼 곳:* δ = 0이면 회색 띠가 없습니다. 경사 하강법은 안장점으로 미끄러져 들어가면서 "
        "기울기가 0을 향해 줄어들고({at}단계에서 {low}) 그 자리에 머뭅니다. 잡음이 있는 "
        "경로(σ가 0보다 클 때)만 빠져나옵니다.",
    },
    "local_optima.look.saddle": {
        "en": "*What to look at:* the × is the saddle, the two stars the minima beyond it. Both "
        "runs leave the diamond at ({x}, {y}), follow the ridge towards the saddle and turn off "
        "to a minimum once something pushes them off the ridge: the noisy run its noise, the "
        "plain one only its slowly growing offset from the ridge.",
        "ko": "*볼 곳:* ×가 안장점이고 별 두 개가 그 너머의 최솟값입니다. 두 경로 모두 마름모 "
        "({x}, {y})에서 출발해 능선을 따라 안장점 쪽으로 가다가, 무언가에 밀려 능선을 벗어나면 "
        "최솟값으로 꺾입니다. 잡음 섞인 경로는 잡음에 밀려서, 경사 하강법은 능선에서 "
        "떨어진 작은 거리가 천천히 커지면서 능선을 벗어납니다.",
    },
}
