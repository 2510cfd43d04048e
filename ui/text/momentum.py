"""Strings of the momentum page."""

STRINGS = {
    "momentum.title": {"en": "Momentum", "ko": "모멘텀"},
    "momentum.intro": {
        "en": "Momentum is gradient descent that steps along a running average of its "
        "gradients instead of the newest gradient alone. It is the exponentially weighted "
        "average from the previous page, now taken over gradients: pushes that keep "
        "flipping direction average out, pushes that keep pointing the same way survive.",
        "ko": "모멘텀은 가장 최근 기울기 하나만 보지 않고, 지금까지 기울기들의 이동 평균을 "
        "따라 내려가는 경사 하강법입니다. 앞 페이지의 지수 가중 평균을 이번에는 기울기에 "
        "적용한 것이죠. 방향이 계속 뒤바뀌는 성분은 평균에서 서로 지워지고, 한 방향을 꾸준히 "
        "가리키는 성분은 살아남습니다.",
    },
    "momentum.ewa_link": {
        "en": "Weighted averages (the previous page)",
        "ko": "지수 가중 평균(앞 페이지)",
    },
    "momentum.controls": {"en": "Settings", "ko": "설정"},
    "momentum.lr": {"en": "Step size α", "ko": "학습률 α"},
    "momentum.lr_help": {
        "en": "The same α is used by both runs. Plain gradient descent is stable only below 2/κ.",
        "ko": "두 실행 모두 같은 α를 씁니다. 경사 하강법은 2/κ보다 작을 때만 안정적입니다.",
    },
    "momentum.beta": {"en": "Momentum β", "ko": "모멘텀 β"},
    "momentum.beta_help": {
        "en": "β = 0 is plain gradient descent; the average reaches back about 1/(1−β) steps.",
        "ko": "β = 0이면 그냥 경사 하강법입니다. 평균은 대략 1/(1−β) 단계 전까지 돌아봅니다.",
    },
    "momentum.kappa": {"en": "Valley narrowness κ", "ko": "골짜기의 좁은 정도 κ"},
    "momentum.kappa_help": {
        "en": "The curvature along b divided by the curvature along w (the condition number).",
        "ko": "b 방향 곡률을 w 방향 곡률로 나눈 값, 곧 조건수입니다.",
    },
    "momentum.steps": {"en": "Steps shown", "ko": "보여 줄 단계 수"},
    "momentum.k": {"en": "Step k in the formulas", "ko": "수식에 넣을 단계 k"},
    # 1. the rule
    "momentum.rule_title": {"en": "1. The update rule", "ko": "1. 갱신 규칙"},
    "momentum.rule_text": {
        "en": "Each step first computes the gradient g at the current point, folds it into "
        "the velocity v (an exponentially weighted average of all gradients so far, "
        "starting from v₀ = 0), and then moves against v. Both parameters, the weight w and "
        "the bias b, get their own component. Below are the numbers of step k of the "
        "momentum run in the valley of section 2.",
        "ko": "한 단계마다 먼저 현재 위치에서 기울기 g를 구하고, 그것을 속도 v에 섞은 뒤"
        "(v는 지금까지 모든 기울기의 지수 가중 평균이며 v₀ = 0에서 시작합니다), v의 반대 "
        "방향으로 움직입니다. 가중치 w와 편향 b가 각자 자기 성분을 가집니다. 아래 숫자는 "
        "2절의 골짜기에서 돌린 모멘텀 실행의 k번째 단계입니다.",
    },
    "momentum.explain_g": {
        "en": "The gradient at the previous point: on this valley it is (w, κ·b), "
        "so the b component is κ = {kappa} times steeper.",
        "ko": "직전 위치에서의 기울기입니다. 이 골짜기에서는 (w, κ·b)라서 b 성분이 "
        "κ = {kappa}배 가파릅니다.",
    },
    "momentum.explain_v": {
        "en": "The new velocity keeps β = {beta} of the old one and adds 1 − β = {rest} of "
        "the new gradient. Compare its components with $g_k$: v changes slowly, so a "
        "component of g that keeps flipping sign is damped in v.",
        "ko": "새 속도는 이전 속도의 β = {beta}만큼을 남기고 새 기울기의 1 − β = {rest}만큼을 "
        "더합니다. $g_k$와 성분을 비교해 보세요. v는 천천히 변하므로, g에서 부호가 자꾸 "
        "바뀌는 성분은 v에서 누그러집니다.",
    },
    "momentum.explain_x": {
        "en": "The step goes against the velocity, not against the newest gradient. The step "
        "size α = {lr} is the same as plain gradient descent's in section 2.",
        "ko": "최신 기울기가 아니라 속도의 반대 방향으로 한 걸음 갑니다. 학습률은 "
        "2절의 경사 하강법과 같은 α = {lr}입니다.",
    },
    "momentum.beta_zero": {
        "en": "With β = 0 the velocity is just the newest gradient, $v_k = g_k$, and this is "
        "plain gradient descent step for step.",
        "ko": "β = 0이면 속도는 최신 기울기 그 자체($v_k = g_k$)이므로, 한 단계도 빠짐없이 "
        "경사 하강법과 똑같습니다.",
    },
    "momentum.torch": {
        "en": "In PyTorch this is `torch.optim.SGD(lr=α(1−β), momentum=β)` — here "
        "`SGD(lr={torch_lr}, momentum={beta})`. PyTorch's buffer is the plain sum "
        "u ← β·u + g = v/(1−β), so its learning rate carries the factor 1 − β.",
        "ko": "PyTorch로는 `torch.optim.SGD(lr=α(1−β), momentum=β)`이고, 지금 설정으로는 "
        "`SGD(lr={torch_lr}, momentum={beta})`입니다. PyTorch의 버퍼는 u ← β·u + g라는 "
        "단순 합(= v/(1−β))이라서, 학습률 쪽에 1 − β가 곱해집니다.",
    },
    "momentum.shown_last": {
        "en": "Momentum diverged at step {step}, so the formulas show step {k}, the last "
        "step with finite numbers.",
        "ko": "모멘텀이 {step}단계에서 발산해서, 수식에는 숫자가 유한한 마지막 단계인 {k}단계를 "
        "보여 줍니다.",
    },
    "momentum.try_rule": {
        "en": "Move k from 1 to 10 and watch the b components: $g_b$ jumps around while $v_b$ "
        "drifts, changing sign far less often. Then set β to 0 and check that $v_k$ equals $g_k$.",
        "ko": "k를 1부터 10까지 움직이며 b 성분을 보세요. $g_b$는 크게 널뛰지만 $v_b$는 천천히 "
        "움직이고 부호도 훨씬 덜 바뀝니다. 그다음 β를 0으로 놓고 $v_k$가 $g_k$와 같은지 확인해 "
        "보세요.",
    },
    # 2. the valley
    "momentum.valley_title": {
        "en": "2. A long narrow valley: plain descent vs momentum",
        "ko": "2. 길고 좁은 골짜기: 경사 하강법 대 모멘텀",
    },
    "momentum.valley_text": {
        "en": "The cost below is flat along the weight w (horizontal) and κ = {kappa} times "
        "steeper along the bias b (vertical), as in the usual picture. That b is the steep "
        "one was chosen here; the end of this section shows what decides it on real data. "
        "Both runs start at (w, b) = ({w0}, {b0}) with the same α.",
        "ko": "아래 비용 함수는 흔히 보는 그림처럼 가중치 w 방향(가로)으로는 완만하고, 편향 b "
        "방향(세로)으로는 κ = {kappa}배 가파릅니다. b를 가파른 쪽으로 정한 것은 여기서 고른 "
        "설정입니다. 실제 데이터에서 무엇이 이를 정하는지는 이 절의 끝에서 봅니다. 두 실행 "
        "모두 (w, b) = ({w0}, {b0})에서 같은 α로 출발합니다.",
    },
    "momentum.limits_text": {
        "en": "On this valley both methods have an exact stability limit. Plain descent "
        "multiplies b by 1 − ακ each step, so it zig-zags once ακ > 1 and blows up once "
        "ακ > 2. Momentum averages the flips away and tolerates a far larger α.",
        "ko": "이 골짜기에서는 두 방법 모두 안정성 한계를 정확히 구할 수 있습니다. 경사 "
        "하강법은 매 단계 b에 1 − ακ를 곱하므로, ακ > 1이면 지그재그가 생기고 ακ > 2이면 "
        "발산합니다. 모멘텀은 뒤집히는 성분을 평균으로 지워서 훨씬 큰 α도 견딥니다.",
    },
    "momentum.chosen": {"en": "chosen", "ko": "지금 값"},
    "momentum.diverged_gd_extra": {
        "en": "(α = {lr} is above plain descent's limit 2/κ = {limit}.)",
        "ko": "(α = {lr}: 경사 하강법의 한계 2/κ = {limit}보다 큽니다.)",
    },
    "momentum.diverged_m_extra": {
        "en": "(α = {lr} is above momentum's limit 2(1+β)/((1−β)κ) = {limit}.)",
        "ko": "(α = {lr}: 모멘텀의 한계 2(1+β)/((1−β)κ) = {limit}보다 큽니다.)",
    },
    "momentum.note": {
        "en": "step {k}<br>plain descent: cost {gd}<br>momentum: cost {m}",
        "ko": "{k}단계<br>경사 하강법: 비용 {gd}<br>모멘텀: 비용 {m}",
    },
    "momentum.play_hint": {
        "en": "Press Play to watch both paths grow step by step, or drag the slider under the map.",
        "ko": "재생을 누르면 두 경로가 한 단계씩 자라는 모습을 볼 수 있고, 지도 아래 "
        "슬라이더로 원하는 단계로 옮길 수도 있습니다.",
    },
    "momentum.cost_title": {"en": "Cost per step", "ko": "단계별 비용"},
    "momentum.reach_label": {
        "en": "{name}: steps until the cost is 10⁻⁶ of the start",
        "ko": "{name}: 비용이 시작값의 10⁻⁶이 될 때까지",
    },
    "momentum.reach_value": {"en": "{steps} steps", "ko": "{steps}단계"},
    "momentum.reach_never": {"en": "not within {max}", "ko": "{max}단계 안에 못 감"},
    "momentum.reach_diverged": {"en": "diverged at {step}", "ko": "{step}단계에서 발산"},
    "momentum.faster": {
        "en": "Momentum needs {ratio}× fewer steps than plain descent here.",
        "ko": "여기서는 경사 하강법이 도착하려면 모멘텀보다 {ratio}배 많은 단계를 거쳐야 합니다.",
    },
    "momentum.slower": {
        "en": "Here momentum needs {ratio}× more steps than plain descent: β is too large "
        "for this valley and α, so the path swings back and forth (see section 4).",
        "ko": "여기서는 모멘텀이 오히려 {ratio}배 더 많은 단계가 걸립니다. 이 골짜기와 α에 "
        "비해 β가 너무 커서 경로가 앞뒤로 크게 흔들리기 때문입니다(4절 참고).",
    },
    "momentum.only_momentum": {
        "en": "Only momentum gets there: at this α plain descent cannot.",
        "ko": "모멘텀만 도착합니다. 이 α로는 경사 하강법이 도착하지 못합니다.",
    },
    "momentum.try_valley": {
        "en": "Raise α one notch at a time towards and past 2/κ = {limit}: plain descent's "
        "zig-zag grows until it diverges, while momentum keeps going and may even get "
        "faster. Then set κ = 100 and α = 0.016 (plain descent survives there) and compare "
        "β = 0.8 with β = 0.95: in a narrower valley a longer memory pays off.",
        "ko": "α를 한 칸씩 올려 2/κ = {limit} 근처와 그 너머까지 가 보세요. 경사 하강법의 "
        "지그재그는 점점 커지다가 발산하지만, 모멘텀은 계속 내려가고 오히려 더 빨라지기도 "
        "합니다. 그다음 κ = 100, α = 0.016(경사 하강법이 버티는 값)으로 놓고 β = 0.8과 "
        "β = 0.95를 비교해 보세요. 골짜기가 좁을수록 긴 기억이 빛을 발합니다.",
    },
    # what to look at: one line under each chart, numbers from the run
    "momentum.look.step": {
        "en": "*What to look at:* at step {k} momentum's orange arrow is {m} long and plain "
        "descent's dotted blue one {g}.",
        "ko": "*볼 곳:* {k}단계에서 모멘텀의 주황색 화살표는 길이가 {m}, 경사 하강법의 파란 "
        "점선 화살표는 {g}입니다.",
    },
    "momentum.look.race": {
        "en": "*What to look at:* how straight each path is. In the first {n} steps the blue "
        "path (plain descent) moved up and down a total distance of {gd} in b; the orange "
        "one (momentum) {m}.",
        "ko": "*볼 곳:* 경로가 얼마나 곧은지 보세요. 처음 {n}단계 동안 파란 경로(경사 "
        "하강법)는 b 방향으로 위아래 합쳐 {gd}만큼, 주황색 경로(모멘텀)는 {m}만큼 "
        "움직였습니다.",
    },
    "momentum.look.costs": {
        "en": "*What to look at:* the dashed line is 10⁻⁶ × the starting cost, and a dotted "
        "line marks where each run first gets below it: plain descent {gd}, momentum {m} "
        "(counted on runs of up to {max} steps; the chart shows the first {steps}).",
        "ko": "*볼 곳:* 가로 점선은 시작 비용의 10⁻⁶이고, 세로 점선은 각 실행이 처음으로 그 "
        "아래로 내려간 단계입니다. 경사 하강법은 {gd}, 모멘텀은 {m}입니다(최대 {max}단계까지 "
        "돌려서 셌고, 그래프는 처음 {steps}단계만 보여 줍니다).",
    },
    "momentum.look.vertical": {
        "en": "*What to look at:* the size of the swings in the shaded first {n} steps: the "
        "grey gradient averages {g} in size, the orange velocity {v}.",
        "ko": "*볼 곳:* 음영으로 칠한 처음 {n}단계에서 출렁이는 폭을 비교해 보세요. 회색 "
        "기울기의 크기는 평균 {g}, 주황색 속도는 평균 {v}입니다.",
    },
    "momentum.look.horizontal": {
        "en": "*What to look at:* the orange velocity starts at 0 and catches up with the grey "
        "gradient, which keeps one sign: over the first {n} steps their average sizes are "
        "{v} and {g}.",
        "ko": "*볼 곳:* 주황색 속도는 0에서 출발해, 부호가 바뀌지 않는 회색 기울기를 "
        "따라잡습니다. 처음 {n}단계 동안 평균 크기는 속도가 {v}, 기울기가 {g}입니다.",
    },
    "momentum.look.components_none": {
        "en": "*What to look at:* the lines stop where momentum diverged.",
        "ko": "*볼 곳:* 선은 모멘텀이 발산한 곳에서 끊깁니다.",
    },
    "momentum.look.sweep": {
        "en": "*What to look at:* the blue bar is β = 0, plain descent ({plain}); the orange "
        "bar is your β = {beta} ({chosen}); hatched bars never reached the target. All bars "
        "use α = {lr} and κ = {kappa}.",
        "ko": "*볼 곳:* 파란 막대는 β = 0, 곧 경사 하강법이고({plain}), 주황색 막대는 지금 고른 "
        "β = {beta}입니다({chosen}). 빗금 친 막대는 목표에 닿지 못한 경우입니다. 모든 막대가 "
        "α = {lr}, κ = {kappa:을/를} 씁니다.",
    },
    "momentum.look.dir_valley": {
        "en": "*What to look at:* with α = {lr}, that is {rate}/$\\lambda_{{\\max}}$, plain "
        "descent swings up and down (the numbers mark its first steps): in {n} steps it went "
        "{zig_b} back and forth in b and {zig_w} in w.",
        "ko": "*볼 곳:* α = {lr}, 곧 {rate}/$\\lambda_{{\\max}}$일 때 경사 하강법은 위아래로 "
        "흔들립니다(숫자는 처음 몇 단계). {n}단계 동안 b 방향으로 {zig_b}, w 방향으로 "
        "{zig_w}만큼 오갔습니다.",
    },
    "momentum.look.dir_tips": {
        "en": "*What to look at:* with α = {lr}, again {rate}/$\\lambda_{{\\max}}$, the same "
        "swing runs left and right (follow the numbers): {zig_w} back and forth in w, {zig_b} "
        "in b. The two axes have different scales, so the valley is much narrower than drawn; "
        "in {n} steps the path has hardly begun its crawl along the floor towards the star.",
        "ko": "*볼 곳:* α = {lr}, 여기서도 {rate}/$\\lambda_{{\\max}}$일 때는 같은 흔들림이 "
        "좌우로 일어납니다(숫자를 따라가 보세요). w 방향으로 {zig_w}, b 방향으로 {zig_b}만큼 "
        "오갔습니다. 두 축의 눈금 간격이 달라서 실제 골짜기는 그림보다 훨씬 좁고, {n}단계 "
        "동안 경로는 골짜기 바닥을 따라 별 쪽으로 거의 나아가지 못했습니다.",
    },
    # 2, end: which direction zig-zags
    "momentum.dir_title": {
        "en": "Is it always b that zig-zags?",
        "ko": "지그재그하는 쪽은 언제나 b일까?",
    },
    "momentum.dir_text": {
        "en": "No. Plain descent zig-zags along the direction in which the cost curves most "
        "(the eigenvector of the Hessian H with the largest eigenvalue) and crawls along the "
        "one in which it curves least, whatever the parameters are called. The valley above "
        "has b steep by construction:",
        "ko": "아닙니다. 경사 하강법은 비용이 가장 크게 휘는 방향(헤세 행렬 H의 가장 큰 "
        "고윳값에 해당하는 고유 방향)으로 지그재그하고, 가장 적게 휘는 방향으로는 기어갑니다. "
        "매개변수의 이름과는 상관이 없습니다. 위의 골짜기는 처음부터 b가 가파르도록 만든 "
        "것입니다.",
    },
    "momentum.dir_tips": {
        "en": "The cost of the gradient-descent page is different: C(w, b) = 1/(2m) Σ "
        "(w·x + b − y)² on the {m} restaurant bills x and tips y, in dollars. Its Hessian, "
        "computed from the data:",
        "ko": "경사 하강법 페이지의 비용은 다릅니다. 식당 계산서 {m}장의 금액 x와 팁 y(달러)로 "
        "만든 C(w, b) = 1/(2m) Σ (w·x + b − y)²이고, 데이터로 계산한 헤세 행렬은 다음과 "
        "같습니다.",
    },
    "momentum.dir_answer": {
        "en": "Here the steep direction lies {angle}° from the w axis (κ = {condition}): the "
        "weight w zig-zags and the bias b crawls, the other way round from the picture. "
        "What decides it is the data's scale: the curvature along w is the mean of x², "
        "{mean_x2} for bills of {mean_x} dollars on average, while along b it is always 1. "
        "With the same bills in hundreds of dollars the steep direction turns to "
        "{off_b}° from the b axis. So b's swing is \"vertical\" and w's progress "
        '"horizontal" only because the picture is drawn that way; which one swings is set '
        "by the curvature.",
        "ko": "여기서는 가파른 방향이 w 축과 겨우 {angle}° 벌어져 있습니다(κ = {condition}). "
        "그림과는 반대로 가중치 w가 지그재그하고 편향 b가 기어갑니다. 이를 정하는 것은 "
        "데이터의 크기입니다. w 방향의 곡률은 x²의 평균으로, 계산서가 평균 {mean_x}달러인 "
        "이 데이터에서는 {mean_x2}이지만, b 방향의 곡률은 언제나 1입니다. 같은 계산서를 "
        "100달러 단위로 적으면 가파른 방향이 b 축과 겨우 {off_b}° 벌어집니다. 결국 b의 "
        "흔들림이 '세로', w의 전진이 '가로'인 것은 그림을 그렇게 그렸기 때문일 뿐이고, "
        "어느 쪽이 흔들릴지는 곡률이 정합니다.",
    },
    "momentum.dir_valley_title": {
        "en": "The valley above: b steep",
        "ko": "위의 골짜기: b가 가파름",
    },
    "momentum.dir_tips_title": {
        "en": "Tips data: w steep",
        "ko": "팁 데이터: w가 가파름",
    },
    # 3. cancellation
    "momentum.cancel_title": {
        "en": "3. Why it works: the flips cancel, the steady push stays",
        "ko": "3. 효과가 나는 이유: 뒤집히는 성분은 지워지고 꾸준한 성분은 남는다",
    },
    "momentum.cancel_text": {
        "en": "The two charts split momentum's run into its coordinates: the grey line is the "
        "gradient each update computed, the thick orange line is the velocity it actually "
        "stepped along. The dotted blue line is the gradient plain descent saw on its own "
        "path. The shaded part is the first {n} steps, over which the numbers below are "
        "averaged.",
        "ko": "두 그래프는 모멘텀 실행을 좌표별로 나눠 본 것입니다. 회색 선은 각 단계에서 계산한 "
        "기울기이고, 굵은 주황색 선은 실제로 따라간 속도입니다. 파란 점선은 경사 "
        "하강법이 자기 경로에서 받은 기울기입니다. 음영 부분은 처음 {n}단계이며, 아래 숫자는 "
        "이 구간의 평균입니다.",
    },
    "momentum.vertical_title": {
        "en": "Steep b (vertical)",
        "ko": "가파른 b(세로)",
    },
    "momentum.horizontal_title": {
        "en": "Flat w (horizontal)",
        "ko": "완만한 w(가로)",
    },
    "momentum.explain_b": {
        "en": "Along b the gradient swings between plus and minus, so positive and negative "
        "terms in the average cancel: over the first {n} steps the velocity is on average "
        "{ratio}× smaller than the gradient. Plain descent's b gradient changed sign {flips} "
        "times in those steps; momentum's velocity only {v_flips} times.",
        "ko": "b 방향 기울기는 양과 음을 오가므로, 평균 속에서 양수 항과 음수 항이 서로 "
        "상쇄됩니다. 처음 {n}단계 동안 기울기의 크기는 평균적으로 속도 크기의 {ratio}배입니다. "
        "같은 구간에서 경사 하강법의 b 기울기는 부호가 {flips}번 바뀌었지만, 모멘텀의 "
        "속도는 {v_flips}번만 바뀌었습니다.",
    },
    "momentum.explain_w": {
        "en": "Along w every gradient points the same way, so nothing cancels: the velocity "
        "starts at 0, builds up to the size of the gradient within about 1/(1−β) = {window} "
        "steps, and later even runs a little ahead of it, because it still remembers the "
        "larger gradients from further out. Velocity and gradient had the same sign in "
        "{same} of the first {n} steps.",
        "ko": "w 방향 기울기는 모두 같은 쪽을 가리키므로 지워질 것이 없습니다. 속도는 0에서 "
        "시작해 약 1/(1−β) = {window}단계 안에 기울기 크기만큼 커지고, 나중에는 조금 더 "
        "커지기도 합니다. 더 멀리 있을 때의 큰 기울기를 아직 기억하고 있기 때문입니다. "
        "처음 {n}단계 중 {same}단계에서 속도와 기울기의 부호가 같았습니다.",
    },
    "momentum.explain_b_calm": {
        "en": "At this α plain descent hardly zig-zags: ακ = {ak}, and its b gradient changed "
        "sign only {flips} times in the first {n} steps, so there is little to cancel. Raise "
        "α above 1/κ = {inv} to see the effect.",
        "ko": "이 α에서는 경사 하강법이 거의 지그재그하지 않습니다. ακ = {ak}이고, 처음 "
        "{n}단계 동안 b 기울기의 부호가 {flips}번만 바뀌었으니 지울 것이 별로 없습니다. 효과를 "
        "보려면 α를 1/κ = {inv}보다 크게 올려 보세요.",
    },
    "momentum.cancel_beta_zero": {
        "en": "With β = 0 there is no average: the velocity is the gradient itself, so nothing "
        "cancels and both lines lie on top of each other.",
        "ko": "β = 0이면 평균이 없습니다. 속도가 곧 기울기이므로 아무것도 상쇄되지 않고 두 "
        "선이 그대로 겹칩니다.",
    },
    "momentum.cancel_none": {
        "en": "The first steps of momentum have no finite numbers (it diverged), so there is "
        "nothing to average.",
        "ko": "모멘텀이 발산해서 처음 단계들에 유한한 숫자가 없으므로 평균을 낼 수 없습니다.",
    },
    "momentum.try_cancel": {
        "en": "Set β to 0: the orange velocity lies exactly on the grey gradient and the "
        "cancellation is gone. Then try β = 0.95 and watch the b velocity become a slow, "
        "wide swing instead.",
        "ko": "β를 0으로 놓으면 주황색 속도가 회색 기울기와 정확히 겹치고 상쇄가 사라집니다. "
        "그다음 β = 0.95로 바꾸면 b 방향 속도가 느리고 크게 출렁이는 모습으로 바뀝니다.",
    },
    # 4. beta
    "momentum.beta_title": {"en": "4. Choosing β", "ko": "4. β 고르기"},
    "momentum.beta_text": {
        "en": "β sets how far back the average looks: about 1/(1−β) gradients, the window "
        "from the weighted-averages page. A longer memory cancels the zig-zag better, but it "
        "also reacts later: the velocity keeps pushing after the valley floor has been "
        "crossed, so the path swings past the minimum and has to come back.",
        "ko": "β는 평균이 얼마나 먼 과거까지 보는지를 정합니다. 지수 가중 평균 페이지에서 본 "
        "창처럼 대략 1/(1−β)개의 기울기입니다. 기억이 길수록 지그재그는 잘 "
        "지워지지만 반응도 늦어집니다. 골짜기 바닥을 지난 뒤에도 속도가 계속 밀어서, 경로가 "
        "최솟값을 지나쳤다가 되돌아와야 합니다.",
    },
    "momentum.window_explain": {
        "en": "The chosen β averages over about this many recent gradients.",
        "ko": "지금 고른 β는 대략 이 개수만큼의 최근 기울기를 평균합니다.",
    },
    "momentum.sweep_title": {
        "en": "Steps to the target for each β",
        "ko": "β마다 목표까지 걸린 단계 수",
    },
    "momentum.sweep_best": {
        "en": "With α = {lr} and κ = {kappa}, the fastest β in this list is {best} "
        "({steps} steps); β = 0 (plain descent) {plain}.",
        "ko": "α = {lr}, κ = {kappa}일 때 이 목록에서 가장 빠른 β는 {best}입니다"
        "({steps}단계). β = 0(경사 하강법)은 {plain}.",
    },
    "momentum.sweep_plain_steps": {"en": "needs {steps} steps", "ko": "{steps}단계가 걸립니다"},
    "momentum.sweep_plain_never": {
        "en": "does not get there",
        "ko": "도착하지 못합니다",
    },
    "momentum.sweep_none": {
        "en": "With α = {lr} and κ = {kappa}, no β in this list reaches the target.",
        "ko": "α = {lr}, κ = {kappa}에서는 이 목록의 어떤 β도 목표에 도착하지 못합니다.",
    },
    "momentum.try_beta": {
        "en": "Compare β = 0.5, 0.8 and 0.95 on the map above: the larger β, the wider the "
        "path swings past the minimum before it settles. The best β changes with α and κ — "
        "move them and watch the grey bars.",
        "ko": "위 지도에서 β = 0.5, 0.8, 0.95를 비교해 보세요. β가 클수록 경로가 최솟값을 더 "
        "크게 지나쳤다가 자리를 잡습니다. 가장 좋은 β는 α와 κ에 따라 달라지니, 둘을 바꿔 가며 "
        "회색 막대를 지켜보세요.",
    },
    # figure labels
    "momentum.infinite": {"en": "∞", "ko": "∞"},
    "momentum.fig.minimum": {"en": "minimum", "ko": "최솟값"},
    "momentum.fig.w": {"en": "weight w", "ko": "가중치 w"},
    "momentum.fig.b": {"en": "bias b", "ko": "편향 b"},
    "momentum.fig.target": {"en": "10⁻⁶ × start", "ko": "시작값 × 10⁻⁶"},
    "momentum.fig.g": {
        "en": "gradient g<sub>k</sub> (momentum's path)",
        "ko": "기울기 g<sub>k</sub>(모멘텀 경로)",
    },
    "momentum.fig.v": {"en": "velocity v<sub>k</sub>", "ko": "속도 v<sub>k</sub>"},
    "momentum.fig.g_plain": {
        "en": "gradient on plain descent's path",
        "ko": "경사 하강법 경로의 기울기",
    },
    "momentum.fig.run": {"en": "momentum's whole run", "ko": "모멘텀의 전체 경로"},
    "momentum.fig.x_prev": {"en": "point x<sub>k−1</sub>", "ko": "점 x<sub>k−1</sub>"},
    "momentum.fig.x_new": {"en": "point x<sub>k</sub>", "ko": "점 x<sub>k</sub>"},
    "momentum.fig.v_step": {"en": "momentum: −α·v<sub>k</sub>", "ko": "모멘텀: −α·v<sub>k</sub>"},
    "momentum.fig.g_step": {
        "en": "plain descent: −α·g<sub>k</sub>",
        "ko": "경사 하강법: −α·g<sub>k</sub>",
    },
    "momentum.step_hint": {
        "en": "The chart shows step {k} on the valley of section 2: the orange arrow is the "
        "step momentum takes, −α·v, and the dotted blue one is the step plain descent would "
        "take from the same point, −α·g. Move k and compare them: v changes slowly, so the "
        "orange arrow does not swing with every flip of the gradient.",
        "ko": "그래프는 2절 골짜기에서의 {k}단계입니다. 주황색 화살표는 모멘텀이 실제로 가는 "
        "이동 −α·v이고, 파란 점선 화살표는 같은 점에서 경사 하강법이 갈 이동 −α·g입니다. "
        "k를 옮기며 둘을 비교해 보세요. v는 천천히 변하므로, 기울기가 뒤집힐 때마다 주황색 "
        "화살표까지 따라 흔들리지는 않습니다.",
    },
    "momentum.fig.diverged": {"en": "diverged", "ko": "발산"},
    "momentum.fig.not_reached": {"en": "not reached", "ko": "도착 못 함"},
    "momentum.fig.beta": {"en": "β", "ko": "β"},
    "momentum.fig.steps": {"en": "steps to the target", "ko": "목표까지 단계 수"},
}
