"""Strings of the RMSprop page."""

STRINGS = {
    "rmsprop.title": {
        "en": "RMSprop: a step size for every direction",
        "ko": "RMSprop: 방향마다 다른 보폭",
    },
    "rmsprop.intro": {
        "en": "In a long, narrow valley plain gradient descent bounces from wall to wall across "
        "the steep direction while it creeps along the flat one. RMSprop looks at how large each "
        "coordinate's gradients have recently been and scales that coordinate's step by the "
        "inverse: big, restless gradients get small steps, small steady ones get large steps.",
        "ko": "길고 좁은 골짜기에서 경사 하강법은 가파른 방향으로는 양쪽 벽을 오가며 튕기고, "
        "완만한 방향으로는 느릿느릿 나아갑니다. RMSprop은 좌표마다 최근 기울기가 얼마나 컸는지를 "
        "기억해 두고 그 크기로 보폭을 나눕니다. 크게 요동치는 방향은 조심스럽게, 작고 꾸준한 "
        "방향은 과감하게 움직이는 셈입니다.",
    },
    "rmsprop.controls": {"en": "Settings", "ko": "설정"},
    "rmsprop.kappa": {"en": "Condition number κ of the valley", "ko": "골짜기의 조건수 κ"},
    "rmsprop.kappa_help": {
        "en": "The valley is f(w, b) = (w² + κ·b²)/2: κ times steeper along b than along w.",
        "ko": "골짜기는 f(w, b) = (w² + κ·b²)/2 입니다. b 방향이 w 방향보다 κ배 가파릅니다.",
    },
    "rmsprop.lr": {"en": "RMSprop learning rate α", "ko": "RMSprop 학습률 α"},
    "rmsprop.beta": {
        "en": "Decay rate β of the squared-gradient average",
        "ko": "제곱 기울기 평균의 감쇠율 β",
    },
    "rmsprop.eps": {"en": "ε (keeps the division safe)", "ko": "ε (0으로 나누지 않게 하는 값)"},
    "rmsprop.gd_lr": {"en": "Learning rate of plain GD", "ko": "경사 하강법의 학습률"},
    "rmsprop.steps": {"en": "Steps", "ko": "단계 수"},
    "rmsprop.not_reached": {"en": "not in {n} steps", "ko": "{n}단계 안에 못 닿음"},
    # what to look at: one line under each chart, numbers from the run
    "rmsprop.look.step": {
        "en": "*What to look at:* at step {k} RMSprop's green arrow moves w by {rms_w} and b by "
        "{rms_b}; plain GD's dotted blue one would move them by {gd_w} and {gd_b}.",
        "ko": "*볼 곳:* {k}단계에서 RMSprop의 초록색 화살표는 w를 {rms_w}, b를 {rms_b}만큼 "
        "옮기고, 경사 하강법의 파란 점선 화살표라면 w를 {gd_w}, b를 {gd_b}만큼 옮깁니다.",
    },
    "rmsprop.look.valley": {
        "en": "*What to look at:* how much each path swings across the valley. In the first "
        "{n} steps the blue path (GD) went {gd} back and forth in b, the green one (RMSprop) "
        "{rms}.",
        "ko": "*볼 곳:* 각 경로가 골짜기를 가로질러 얼마나 흔들리는지 보세요. 처음 {n}단계 "
        "동안 파란 경로(경사 하강법)는 b 방향으로 {gd}, 초록색 경로(RMSprop)는 {rms}만큼 "
        "오갔습니다.",
    },
    "rmsprop.look.cost": {
        "en": "*What to look at:* the dotted line is the target cost {target}; GD first gets "
        "below it at step {gd}, RMSprop at step {rms}.",
        "ko": "*볼 곳:* 점선은 목표 비용 {target}입니다. 경사 하강법은 {gd}단계에서, RMSprop은 "
        "{rms}단계에서 처음으로 그 아래로 내려갑니다.",
    },
    "rmsprop.look.cost_dip": {
        "en": "*What to look at:* the green curve gets below the dotted target {target} at "
        "step {hit}, runs off the bottom of the chart (its lowest point is at step "
        "{low_step}) and is back above the target at step {back}. The paragraph below "
        "explains why.",
        "ko": "*볼 곳:* 초록색 곡선은 {hit}단계에서 점선으로 그린 목표 {target} 아래로 "
        "내려가, 그래프 아래쪽 밖으로 나갔다가({low_step}단계에서 가장 낮습니다) {back}단계에서 "
        "다시 목표 위로 올라옵니다. 그 까닭은 아래 문단에서 설명합니다.",
    },
    "rmsprop.look.sqrt_s": {
        "en": "*What to look at:* the dashed line (steep b) against the solid one (flat w): at "
        "step {k} √s is {b} for b and {w} for w.",
        "ko": "*볼 곳:* 점선(가파른 b)과 실선(완만한 w)을 비교해 보세요. {k}단계에서 √s는 "
        "b가 {b}, w가 {w}입니다.",
    },
    "rmsprop.look.rates": {
        "en": "*What to look at:* the two green lines against GD's one dotted rate {gd}: at "
        "step {k} w's rate is {w} and b's {b}.",
        "ko": "*볼 곳:* 초록색 두 선을 경사 하강법의 단일 학습률 {gd}(점선)와 비교해 보세요. "
        "{k}단계에서 w의 학습률은 {w}, b의 학습률은 {b}입니다.",
    },
    "rmsprop.look.none": {
        "en": "*What to look at:* the lines stop where the run left the valley.",
        "ko": "*볼 곳:* 선은 실행이 골짜기를 벗어난 곳에서 끊깁니다.",
    },
    "rmsprop.look.distance": {
        "en": "*What to look at:* where each curve ends up against the dotted line α = {lr}: "
        "over the last {n} steps GD is {gd} from the minimum on average, RMSprop {rms}, "
        "with steps of {move} on average.",
        "ko": "*볼 곳:* 각 곡선이 점선 α = {lr}에 비해 어디서 끝나는지 보세요. 마지막 {n}단계 "
        "동안 최솟값까지의 평균 거리는 경사 하강법이 {gd}, RMSprop이 {rms}이고, RMSprop의 "
        "평균 보폭은 {move}입니다.",
    },
    # section 1
    "rmsprop.s1_title": {
        "en": "1. The update rule, with live numbers",
        "ko": "1. 갱신 규칙과 실제 숫자",
    },
    "rmsprop.s1_text": {
        "en": "RMSprop keeps s, an exponentially weighted average of the squared gradient, one "
        "entry per coordinate (the squaring is element-wise). Each coordinate then takes a step "
        "of α times its gradient divided by √s, the root of that average (hence the name: root "
        "mean square).",
        "ko": "RMSprop은 기울기 제곱의 지수 가중 평균 s를 좌표마다 하나씩 유지합니다(제곱은 원소별로 "
        "합니다). 그리고 각 좌표는 자기 기울기에 α를 곱하고 √s, 즉 그 평균의 제곱근으로 나눈 만큼 "
        "움직입니다. RMSprop이라는 이름의 앞부분도 여기서 나왔습니다. 제곱의 평균의 제곱근, 곧 "
        "제곱평균제곱근이라는 뜻입니다.",
    },
    "rmsprop.s1_symbols": {
        "en": "g: gradient at the current point; β: how long s remembers (about 1/(1−β) steps); "
        "α: learning rate; ε: a tiny number so that the division never blows up when s is 0; "
        "η = α/(√s+ε): the effective learning rate of a coordinate.",
        "ko": "g: 현재 점의 기울기, β: s가 기억하는 길이(대략 1/(1−β) 단계), α: 학습률, "
        "ε: s가 0일 때도 나눈 값이 한없이 커지지 않게 더하는 아주 작은 수, "
        "η = α/(√s+ε): 좌표마다 따로 정해지는 실효 학습률.",
    },
    "rmsprop.k": {"en": "Show step k", "ko": "보여 줄 단계 k"},
    "rmsprop.k_clamped": {
        "en": "Step {k} is past the end of the run, so the last step ({n}) is shown.",
        "ko": "{k}단계는 실행 범위를 넘어서, 마지막 단계인 {n}단계를 보여 줍니다.",
    },
    "rmsprop.s1_live": {
        "en": "At step {k} the flat direction w moves with an effective learning rate of {rate_w} "
        "and the steep direction b with {rate_b}: w's rate is {ratio} times b's.",
        "ko": "{k}단계에서 완만한 w 방향의 실효 학습률은 {rate_w}, 가파른 b 방향은 {rate_b}입니다. "
        "w 쪽이 b 쪽보다 {ratio}배 큽니다.",
    },
    "rmsprop.no_live": {
        "en": "The run left the valley at step {step}, so step {k} has no numbers to show.",
        "ko": "실행이 {step}단계에서 골짜기를 벗어나서 {k}단계에는 보여 줄 숫자가 없습니다.",
    },
    "rmsprop.step_hint": {
        "en": "The chart shows step {k} on the valley of section 2: the green arrow is the step "
        "RMSprop takes, each coordinate divided by its own √s; the dotted blue one is the step "
        "plain GD would take from the same point with its learning rate {gd_lr}.",
        "ko": "그래프는 2절 골짜기에서의 {k}단계입니다. 초록색 화살표는 RMSprop이 실제로 가는 "
        "이동으로, 좌표마다 자기 √s로 나눈 것입니다. 파란 점선 화살표는 같은 점에서 경사 "
        "하강법이 갈 이동입니다(학습률 {gd_lr}).",
    },
    "rmsprop.fig.run": {"en": "RMSprop's whole run", "ko": "RMSprop의 전체 경로"},
    "rmsprop.fig.x_prev": {"en": "point x<sub>k−1</sub>", "ko": "점 x<sub>k−1</sub>"},
    "rmsprop.fig.x_new": {"en": "point x<sub>k</sub>", "ko": "점 x<sub>k</sub>"},
    "rmsprop.fig.rms_step": {"en": "RMSprop: −α·g/(√s+ε)", "ko": "RMSprop의 이동: −α·g/(√s+ε)"},
    "rmsprop.fig.gd_step": {
        "en": "plain GD: −α<sub>GD</sub>·g",
        "ko": "경사 하강법: −α<sub>GD</sub>·g",
    },
    "rmsprop.fig.w": {"en": "weight w", "ko": "가중치 w"},
    "rmsprop.fig.b": {"en": "bias b", "ko": "편향 b"},
    "rmsprop.first_title": {"en": "The first step is large", "ko": "첫 걸음은 큽니다"},
    "rmsprop.first_text": {
        "en": "s starts at 0 and nothing corrects that. After one update s = (1−β)·g², so "
        "√s = √(1−β)·|g| and the gradient cancels: every coordinate moves by about α/√(1−β), "
        "however steep or flat it is.",
        "ko": "s는 0에서 출발하고, 이를 바로잡는 장치가 없습니다. 첫 갱신 뒤 s = (1−β)·g² 이므로 "
        "√s = √(1−β)·|g| 가 되고 기울기가 약분됩니다. 그래서 가파르든 완만하든 모든 좌표가 "
        "대략 α/√(1−β) 만큼 움직입니다.",
    },
    "rmsprop.first_caption": {
        "en": "The second formula: how far w and b actually moved in the run's first step, then "
        "the formula worked out with the run's first gradients.",
        "ko": "둘째 식: 실행의 첫 단계에서 w와 b가 실제로 움직인 거리, 그리고 실행의 첫 기울기를 "
        "넣어 계산한 공식 값입니다.",
    },
    "rmsprop.torch": {
        "en": "This is exactly PyTorch's `torch.optim.RMSprop(lr={lr}, alpha={beta}, eps={eps})` "
        "(PyTorch calls β `alpha`). It has no bias correction, so the first step is about "
        "α/√(1−β) = {approx}, that is {factor}·α per coordinate (10·α at β = 0.99). Adam will "
        "fix this start.",
        "ko": "이 식은 PyTorch에서 `torch.optim.RMSprop(lr={lr}, alpha={beta}, eps={eps})` "
        "설정과 정확히 같습니다(PyTorch는 β를 `alpha`라고 부릅니다). 편향 보정이 없어서 "
        "첫 걸음은 좌표마다 약 α/√(1−β) = {approx}, 곧 α의 {factor}배입니다(β = 0.99이면 10배). "
        "Adam이 이 출발 문제를 고칩니다.",
    },
    "rmsprop.s1_try": {
        "en": "Set β to 0.99 and look at k = 1: both w and b jump by about 10·α although b's "
        "gradient is many times larger. Then slide k to 20 and compare the two rates α/(√s+ε).",
        "ko": "β를 0.99로 놓고 k = 1을 보세요. b의 기울기가 몇 배나 큰데도 w와 b가 똑같이 약 10·α씩 "
        "움직입니다. 그다음 k를 20으로 옮겨 두 실효 학습률 α/(√s+ε)를 비교해 보세요.",
    },
    # section 2
    "rmsprop.s2_title": {"en": "2. Across the narrow valley", "ko": "2. 좁은 골짜기 건너기"},
    "rmsprop.s2_text": {
        "en": "The valley f(w, b) = (w² + κ·b²)/2 with κ = {kappa} is steep along b (vertical) "
        "and flat along w (horizontal). Plain GD uses one learning rate for both, and it must "
        "stay below 2/κ = {two} or the b-direction blows up; along w that rate is tiny. "
        "RMSprop divides each step by its own √s, so the steep b gets small steps (less "
        "zig-zag) and the flat w gets larger ones (faster progress).",
        "ko": "κ = {kappa}인 골짜기 f(w, b) = (w² + κ·b²)/2는 b 방향(세로)으로 가파르고 w 방향"
        "(가로)으로 완만합니다. 경사 하강법은 두 방향에 같은 학습률을 쓰는데, 2/κ = {two}보다 작아야 "
        "b 방향이 발산하지 않습니다. 그 학습률은 w 방향에는 너무 작습니다. RMSprop은 각 방향의 "
        "√s로 보폭을 나누므로 가파른 b는 작게(지그재그가 줄고), 완만한 w는 크게(더 빨리) 움직입니다.",
    },
    "rmsprop.valley_title": {
        "en": "Paths on the valley, κ = {kappa}",
        "ko": "골짜기 위의 경로, κ = {kappa}",
    },
    "rmsprop.valley_caption": {
        "en": "Press Play to watch both runs step by step; the slider below the map picks a step. "
        "The shading shows the cost, darker where it is lower (on a log scale); the minimum is "
        "at (0, 0).",
        "ko": "재생을 누르면 두 실행이 한 단계씩 움직입니다. 지도 아래 슬라이더로 단계를 고를 수 "
        "있습니다. 음영은 비용을 나타내며 낮을수록 어둡습니다(로그 눈금). 최솟값은 (0, 0)에 "
        "있습니다.",
    },
    "rmsprop.gd_limit": {
        "en": "GD's learning rate {lr} is above 2/κ = {two}, the largest rate the steep "
        "direction tolerates. Its path is drawn until it leaves the map.",
        "ko": "경사 하강법의 학습률 {lr}: 가파른 방향이 견딜 수 있는 한계 2/κ = {two}보다 큽니다. "
        "경로는 지도를 벗어날 때까지 그렸습니다.",
    },
    "rmsprop.frame_start": {"en": "step 0: the start ({w}, {b})", "ko": "0단계: 시작점 ({w}, {b})"},
    "rmsprop.frame_note": {
        "en": "step {k} · RMSprop rates: w {rate_w}, b {rate_b}",
        "ko": "{k}단계 · RMSprop 학습률: w {rate_w}, b {rate_b}",
    },
    "rmsprop.target": {"en": "target cost {target}", "ko": "목표 비용 {target}"},
    "rmsprop.cost_title": {"en": "Cost per step (log scale)", "ko": "단계별 비용 (로그 눈금)"},
    "rmsprop.hit_metric": {
        "en": "{name}: steps to cost ≤ {target}",
        "ko": "{name}: 비용 ≤ {target}까지 단계 수",
    },
    "rmsprop.hit_compare": {
        "en": "In this run GD needs {gd} steps to reach the target and RMSprop {rms}.",
        "ko": "이번 실행에서 목표에 닿기까지 경사 하강법은 {gd}단계, RMSprop은 {rms}단계가 걸렸습니다.",
    },
    "rmsprop.rebound": {
        "en": "Why does RMSprop's cost fall to {low} at step {low_step} and then climb back "
        "above the target, to {back_cost} at step {back}? Near the minimum every gradient is "
        "tiny, so s forgets the large ones and b's rate $\\alpha/(\\sqrt{{s_b}}+\\varepsilon)$ "
        "keeps growing: from step {unstable} on it is above 2/κ = {two}, so each update "
        "multiplies b by a factor larger than 1 in size ({factor} at step {back}) and the run "
        "is thrown back out of the minimum. Section 4 follows what happens next. The chart's "
        "axis stops at {floor}; the dip goes further down.",
        "ko": "RMSprop의 비용은 왜 {low_step}단계에서 {low}까지 떨어졌다가 {back}단계에서 다시 "
        "목표 위로, {back_cost}까지 올라올까요? 최솟값 근처에서는 기울기가 모두 아주 작아서 s가 "
        "예전의 큰 기울기를 잊고, b의 학습률 $\\alpha/(\\sqrt{{s_b}}+\\varepsilon)$이 계속 "
        "커집니다. {unstable}단계부터는 이 값이 2/κ = {two}보다 커서, 한 번 갱신할 때마다 b에 "
        "크기가 1보다 큰 수가 곱해지고({back}단계에서는 {factor}) 실행이 최솟값 밖으로 다시 "
        "튕겨 나갑니다. 그다음 이야기는 4절에서 이어집니다. 그래프의 세로축은 {floor}에서 "
        "끊었고, 실제로는 그보다 더 내려갑니다.",
    },
    "rmsprop.s2_try": {
        "en": "Raise κ to 100. GD now diverges unless you lower its rate below 2/κ = 0.02, and "
        "then it crawls along w. RMSprop's path barely changes: dividing by √s removes the "
        "scale of each axis.",
        "ko": "κ를 100으로 올려 보세요. 경사 하강법은 학습률을 2/κ = 0.02 아래로 낮추지 않으면 "
        "발산하고, 낮추면 w 방향으로 기어가듯 움직입니다. RMSprop의 경로는 거의 그대로입니다. "
        "√s로 나누면 각 축의 크기 차이가 사라지기 때문입니다.",
    },
    # section 3
    "rmsprop.s3_title": {
        "en": "3. One learning rate per coordinate",
        "ko": "3. 좌표마다 다른 학습률",
    },
    "rmsprop.s3_text": {
        "en": "Read the rule as plain GD with a learning rate of its own for each coordinate, "
        "α/(√s+ε). The left chart shows √s, the typical gradient size each coordinate has seen "
        "lately; the right one shows the resulting rates next to GD's single rate.",
        "ko": "이 규칙은 좌표마다 자기만의 학습률 α/(√s+ε)를 쓰는 경사 하강법으로 읽을 수 있습니다. "
        "왼쪽 그래프는 각 좌표가 최근 겪은 기울기의 대표 크기 √s, 오른쪽은 그로부터 나온 학습률을 "
        "경사 하강법의 단일 학습률과 함께 보여 줍니다.",
    },
    "rmsprop.sqrt_s_w": {"en": "√s<sub>w</sub> (flat w)", "ko": "√s<sub>w</sub> (완만한 w)"},
    "rmsprop.sqrt_s_b": {"en": "√s<sub>b</sub> (steep b)", "ko": "√s<sub>b</sub> (가파른 b)"},
    "rmsprop.sqrt_s_y": {"en": "√s", "ko": "√s"},
    "rmsprop.sqrt_s_title": {
        "en": "Root of the squared-gradient average",
        "ko": "기울기 제곱 평균의 제곱근",
    },
    "rmsprop.rate_w": {
        "en": "η<sub>w</sub> (flat w)",
        "ko": "η<sub>w</sub> (완만한 w)",
    },
    "rmsprop.rate_b": {
        "en": "η<sub>b</sub> (steep b)",
        "ko": "η<sub>b</sub> (가파른 b)",
    },
    "rmsprop.rate_y": {"en": "effective learning rate", "ko": "실효 학습률"},
    "rmsprop.rate_title": {
        "en": "Effective learning rates (log scale)",
        "ko": "실효 학습률 (로그 눈금)",
    },
    "rmsprop.rate_gd": {"en": "GD: α = {lr} for both", "ko": "경사 하강법: 두 방향 모두 α = {lr}"},
    "rmsprop.s3_measured": {
        "en": "Measured in this run: the median of w's rate over b's rate is {ratio} (κ = {kappa}); "
        "w had the larger rate in {wider} of {n} steps, with the ratio ranging from {low} to {high}.",
        "ko": "이번 실행에서 잰 값: w 학습률을 b 학습률로 나눈 값의 중앙값은 {ratio}입니다(κ = {kappa}). "
        "{n}단계 중 {wider}단계에서 w의 학습률이 더 컸고, 비율은 {low}에서 {high} 사이였습니다.",
    },
    "rmsprop.s3_why": {
        "en": "Why not exactly κ? b's gradient is κ·b and w's is w, so the ratio is κ times "
        "(typical |b|)/(typical |w|); as b is pulled toward the floor of the valley faster "
        "than w, the ratio stays below κ. When the run starts hopping around the minimum "
        "(section 4) the ratio jumps.",
        "ko": "왜 정확히 κ가 아닐까요? b의 기울기는 κ·b, w의 기울기는 w이므로 비율은 κ × (최근 |b|의 "
        "크기)/(최근 |w|의 크기)입니다. b가 w보다 빨리 골짜기 바닥으로 끌려가므로 비율은 κ보다 작게 "
        "나옵니다. 실행이 최솟값 주변에서 튀기 시작하면(4절) 비율이 갑자기 달라집니다.",
    },
    "rmsprop.s3_try": {
        "en": "Set β to 0: s becomes just g², every step is α times the sign of the gradient, "
        "and the two rates jump around. Then try β = 0.99 and see how smooth they get.",
        "ko": "β를 0으로 해 보세요. s가 그냥 g²가 되어 매 걸음이 α × (기울기의 부호)가 되고, 두 "
        "학습률이 크게 출렁입니다. 그다음 β = 0.99로 바꿔 얼마나 매끄러워지는지 보세요.",
    },
    # section 4
    "rmsprop.s4_title": {
        "en": "4. Near the minimum: it keeps jittering",
        "ko": "4. 최솟값 근처: 계속 떨립니다",
    },
    "rmsprop.s4_text": {
        "en": "Close to the minimum the gradients shrink, and s shrinks with them, since it "
        "averages the squares of those same small gradients. So g/√s does not go to 0: the "
        "steps stay of the order of α. For a while the run still closes in, while s remembers "
        "the larger gradients of the approach; once s has forgotten them, α/√s is too large for "
        "the steep direction, the run is thrown back out and keeps hopping at a distance set "
        "by α. GD's step α·g shrinks with the gradient, so GD settles (when it converges at all).",
        "ko": "최솟값에 가까워지면 기울기가 작아지고, s도 그 작은 기울기들의 제곱을 평균하므로 함께 "
        "작아집니다. 그래서 g/√s는 0으로 가지 않고 걸음은 계속 α 정도의 크기를 유지합니다. s가 "
        "다가오는 동안의 큰 기울기를 기억하는 사이에는 실행이 계속 최솟값에 다가가지만, s가 그 기억을 "
        "잊고 나면 α/√s가 가파른 방향에는 너무 커져서 실행이 바깥으로 튕겨 나가고, 그 뒤로는 α가 정하는 "
        "거리에서 계속 튑니다. 경사 하강법의 걸음 α·g는 기울기와 함께 줄어들어 (수렴하는 경우) 차분히 "
        "자리를 잡습니다.",
    },
    "rmsprop.alpha_line": {"en": "α = {lr}", "ko": "α = {lr}"},
    "rmsprop.dist_y": {"en": "distance to the minimum", "ko": "최솟값까지 거리"},
    "rmsprop.dist_title": {
        "en": "Distance to the minimum (log scale)",
        "ko": "최솟값까지 거리 (로그 눈금)",
    },
    "rmsprop.col_setting": {"en": "RMSprop run", "ko": "RMSprop 실행"},
    "rmsprop.col_hit": {"en": "steps to target", "ko": "목표까지 단계 수"},
    "rmsprop.col_dist": {"en": "mean distance", "ko": "평균 거리"},
    "rmsprop.col_move": {"en": "mean step", "ko": "평균 보폭"},
    "rmsprop.table_note": {
        "en": "The last two columns average over the last {n} steps of each run.",
        "ko": "마지막 두 열은 각 실행의 마지막 {n}단계 평균입니다.",
    },
    "rmsprop.variant.0": {
        "en": "your setting (α = {lr}, ε = {eps})",
        "ko": "지금 설정(α = {lr}, ε = {eps})",
    },
    "rmsprop.variant.1": {"en": "α halved: {lr}", "ko": "α 절반: {lr}"},
    "rmsprop.variant.2": {"en": "α quartered: {lr}", "ko": "α 4분의 1: {lr}"},
    "rmsprop.variant.3": {"en": "ε = {eps}", "ko": "ε = {eps}"},
    "rmsprop.variant.4": {"en": "ε = {eps}", "ko": "ε = {eps}"},
    "rmsprop.s4_after": {
        "en": "A smaller α shrinks the hops but also slows the approach. A larger ε takes over "
        "once √s falls below it: the rate becomes about α/ε and the step shrinks with the "
        "gradient again, as in GD. With β close to 1, s remembers the big early gradients for "
        "hundreds of steps, so the hopping may start only much later. The usual cures are a "
        "learning rate that decays over time, and Adam, which also fixes the oversized first step.",
        "ko": "α를 줄이면 튀는 폭은 줄지만 다가가는 속도도 느려집니다. ε를 키우면 √s가 ε보다 작아지는 "
        "순간부터 ε가 분모를 차지해 학습률이 약 α/ε가 되고, 걸음이 다시 경사 하강법처럼 기울기와 함께 "
        "줄어듭니다. β가 1에 가까우면 s가 초반의 큰 기울기를 수백 단계 동안 기억하므로 튀는 현상이 "
        "훨씬 늦게 나타날 수 있습니다. 흔한 해결책은 시간에 따라 줄어드는 학습률, 그리고 첫 걸음이 "
        "너무 큰 문제까지 고친 Adam입니다.",
    },
    "rmsprop.s4_try": {
        "en": "With the defaults, compare the two distance curves over the last steps, then set "
        "ε to 1 or halve α and watch the RMSprop curve and the table. Finally set β = 0.99: "
        "the hopping disappears within 300 steps.",
        "ko": "기본값에서 마지막 단계들의 두 거리 곡선을 비교한 뒤, ε를 1로 하거나 α를 절반으로 "
        "줄여 RMSprop 곡선과 표가 어떻게 바뀌는지 보세요. 마지막으로 β = 0.99로 하면 300단계 안에서는 "
        "튀는 현상이 사라집니다.",
    },
}
