"""Strings shared by every page: app title, sidebar, navigation, errors."""

STRINGS = {
    "common.app_title": {
        "en": "Optimization, step by step",
        "ko": "한 걸음씩 배우는 최적화",
    },
    "common.language": {"en": "Language", "ko": "언어"},
    "common.link_refused": {
        "en": "The link's value for “{label}” ({value}) cannot be used: {fix}.",
        "ko": "링크에 담긴 “{label}” 값({value})은 쓸 수 없습니다. {fix}.",
    },
    "common.link_default": {
        "en": "the default is used instead",
        "ko": "기본값을 씁니다",
    },
    "common.reset": {"en": "Reset to defaults", "ko": "기본값으로 되돌리기"},
    "common.share": {"en": "Share this view", "ko": "이 화면 공유하기"},
    "common.share_help": {
        "en": "This link opens this page with every setting you chose.",
        "ko": "이 링크를 열면 지금 고른 설정 그대로 이 페이지가 열립니다.",
    },
    "common.copy": {"en": "Copy link", "ko": "링크 복사"},
    "common.copied": {"en": "Copied", "ko": "복사했습니다"},
    "common.computing": {"en": "Computing…", "ko": "계산하는 중…"},
    "common.what_to_try": {"en": "What to try", "ko": "이렇게 해 보세요"},
    "common.step": {"en": "step", "ko": "단계"},
    "common.loss": {"en": "cost", "ko": "비용"},
    "common.start": {"en": "start", "ko": "시작점"},
    "common.play": {"en": "Play", "ko": "재생"},
    "common.pause": {"en": "Pause", "ko": "일시정지"},
    "common.global_min": {"en": "global minimum", "ko": "전역 최솟값"},
    "common.local_min": {"en": "local minimum", "ko": "지역 최솟값"},
    "common.saddle": {"en": "saddle point", "ko": "안장점"},
    "common.diverged": {
        "en": "{name} diverged at step {step}: the cost grew without bound, "
        "so the run was stopped there. Try a smaller learning rate.",
        "ko": "{name}: {step}단계에서 발산했습니다. 비용이 끝없이 커져서 거기서 "
        "멈췄습니다. 학습률을 더 작게 해 보세요.",
    },
    "common.bad_value": {
        "en": "Could not use this setting: {detail}",
        "ko": "이 설정은 쓸 수 없습니다: {detail}",
    },
    "common.optimizer.gd": {"en": "Gradient descent", "ko": "경사 하강법"},
    "common.optimizer.momentum": {"en": "Momentum", "ko": "모멘텀"},
    "common.optimizer.rmsprop": {"en": "RMSprop", "ko": "RMSprop"},
    "common.optimizer.adam": {"en": "Adam", "ko": "Adam"},
    "common.camera": {"en": "Camera", "ko": "카메라"},
    "common.camera.iso": {"en": "3D view", "ko": "입체"},
    "common.camera.top": {"en": "From above", "ko": "위에서"},
    "common.camera.side": {"en": "From the side", "ko": "옆에서"},
    # navigation titles, in learning order
    "nav.home": {"en": "Start here", "ko": "시작하기"},
    "nav.gradient_descent": {"en": "Gradient descent", "ko": "경사 하강법"},
    "nav.local_optima": {"en": "Local optima", "ko": "지역 최적점"},
    "nav.batch_sizes": {"en": "Batch sizes", "ko": "배치 크기"},
    "nav.ewa": {"en": "Weighted averages", "ko": "지수 가중 평균"},
    "nav.momentum": {"en": "Momentum", "ko": "모멘텀"},
    "nav.rmsprop": {"en": "RMSprop", "ko": "RMSprop"},
    "nav.adam": {"en": "Adam", "ko": "Adam"},
    "nav.race": {"en": "Optimizer race", "ko": "옵티마이저 경주"},
    # the glossary: one line per technical term (ui.widgets.glossary)
    "glossary.title": {"en": "Terms on this page", "ko": "이 페이지의 용어"},
    "glossary.epoch": {
        "en": "**Epoch** — one pass over every training example; with batch size b an "
        "epoch of m examples takes ⌈m/b⌉ updates.",
        "ko": "**에폭** — 학습 데이터 전체를 한 번 훑는 것. 배치 크기가 b이면 예제 m개의 "
        "에폭 한 번에 ⌈m/b⌉번 갱신합니다.",
    },
    "glossary.cross_entropy": {
        "en": "**Cross-entropy** — the cost of a yes/no prediction: $-\\log$ of the probability "
        "the model gave to the right answer, averaged over the examples.",
        "ko": "**교차 엔트로피** — 예/아니오 예측의 비용. 모델이 정답에 준 확률에 $-\\log$를 "
        "취해 예제들에 대해 평균한 값입니다.",
    },
    "glossary.l2": {
        "en": "**L2 penalty** — λ/2·‖w‖² added to the cost, so that large weights cost "
        "something; it also gives the cost a single minimum.",
        "ko": "**L2 벌점** — 비용에 λ/2·‖w‖²를 더해 큰 가중치에 대가를 치르게 하는 것. "
        "덕분에 비용의 최솟값이 하나로 정해집니다.",
    },
    "glossary.newton": {
        "en": "**Newton's method** — steps by the gradient divided by the curvature "
        "(H⁻¹∇C); on a smooth bowl it finds the exact minimum in a few steps, which is "
        "how the page computes the best cost to compare with.",
        "ko": "**뉴턴법** — 기울기를 곡률로 나눈 만큼(H⁻¹∇C) 움직이는 방법. 매끈한 그릇 "
        "모양에서는 몇 단계 만에 정확한 최솟값을 찾으므로, 페이지가 비교 기준인 최소 "
        "비용을 이것으로 구합니다.",
    },
    "glossary.hessian": {
        "en": "**Hessian** H — the table of second derivatives: how fast the slope itself "
        "changes in each direction (the curvature).",
        "ko": "**헤세 행렬** H — 이계 도함수를 모은 표. 각 방향으로 기울기 자체가 얼마나 "
        "빨리 바뀌는지(곡률)를 나타냅니다.",
    },
    "glossary.eigen": {
        "en": "**Eigen-direction, eigenvalue** — the directions in which the curvature is "
        "simplest (the surface bends without twisting), and the curvature λ along each; "
        "$\\lambda_{\\max}$ is the steepest bend, $\\lambda_{\\min}$ the flattest.",
        "ko": "**고유 방향, 고윳값** — 곡면이 비틀림 없이 휘는 방향과, 그 방향의 곡률 λ. "
        "$\\lambda_{\\max}$는 가장 가파르게 휘는 방향의 곡률, $\\lambda_{\\min}$은 가장 완만한 방향의 곡률입니다.",
    },
    "glossary.condition": {
        "en": "**Condition number** $\\kappa = \\lambda_{\\max}/\\lambda_{\\min}$ — how many times more curved the steepest "
        "direction is than the flattest; the larger κ, the narrower the valley and the "
        "slower plain gradient descent.",
        "ko": "**조건수** $\\kappa = \\lambda_{\\max}/\\lambda_{\\min}$ — 가장 가파른 방향이 가장 완만한 방향보다 몇 배 "
        "더 휘는지. κ가 클수록 골짜기가 좁고 경사 하강법이 느립니다.",
    },
    "glossary.pp": {
        "en": "**pp (percentage points)** — the difference of two percentages: from 20% to "
        "25% is 5 pp (and 25% more).",
        "ko": "**%p (퍼센트포인트)** — 두 백분율의 차이. 20%에서 25%가 되면 5%p 오른 "
        "것입니다(비율로는 25% 증가).",
    },
}

# Plotly's own words (toolbar tooltips, notices, dates) in Korean: the plotly.js that
# Streamlit bundles registers only English, and ``st.plotly_chart(config=...)`` passes
# ``locale`` and ``locales`` through (see ``ui.widgets.chart``).
PLOTLY_KO = {
    "dictionary": {
        "Autoscale": "자동 범위",
        "Box Select": "상자 선택",
        "Click to enter Colorscale title": "색 막대 제목을 입력하려면 누르세요",
        "Compare data on hover": "마우스를 올린 곳의 값 비교",
        "Double-click on legend to isolate one trace": "범례를 두 번 누르면 그 선만 보입니다",
        "Double-click to zoom back out": "두 번 누르면 원래 크기로 돌아갑니다",
        "Download plot as a PNG": "그림을 PNG로 내려받기",
        "Download plot": "그림 내려받기",
        "Download plot as JSON": "그림을 JSON으로 내려받기",
        "Draw circle": "원 그리기",
        "Draw closed freeform": "닫힌 자유 곡선 그리기",
        "Draw line": "선 그리기",
        "Draw open freeform": "열린 자유 곡선 그리기",
        "Draw rectangle": "사각형 그리기",
        "Erase active shape": "선택한 도형 지우기",
        "Image download succeeded": "그림을 내려받았습니다",
        "JSON download succeeded": "JSON을 내려받았습니다",
        "Lasso Select": "올가미 선택",
        "Orbital rotation": "궤도 회전",
        "Pan": "이동",
        "Preparing image - this may take a few seconds": "그림을 준비하는 중입니다. 잠시 기다려 주세요",
        "Reset": "되돌리기",
        "Reset axes": "축 되돌리기",
        "Reset camera to default": "시점을 기본값으로",
        "Reset camera to last save": "시점을 마지막 저장 상태로",
        "Reset view": "보기 되돌리기",
        "Reset views": "보기 되돌리기",
        "Show closest data on hover": "마우스 가까운 값 보기",
        "Snapshot succeeded": "그림을 저장했습니다",
        "Sorry, there was a problem downloading your image!": "그림을 내려받지 못했습니다.",
        "Sorry, there was a problem downloading your JSON file!": "JSON을 내려받지 못했습니다.",
        "Taking snapshot - this may take a few seconds": "그림을 저장하는 중입니다. 잠시 기다려 주세요",
        "Toggle Spike Lines": "보조선 켜기/끄기",
        "Toggle show closest data on hover": "가까운 값 보기 켜기/끄기",
        "Turntable rotation": "회전판 회전",
        "Zoom": "확대/축소",
        "Zoom in": "확대",
        "Zoom out": "축소",
        "trace": "선",
    },
    "format": {
        "days": ["일요일", "월요일", "화요일", "수요일", "목요일", "금요일", "토요일"],
        "shortDays": ["일", "월", "화", "수", "목", "금", "토"],
        "months": [f"{m}월" for m in range(1, 13)],
        "shortMonths": [f"{m}월" for m in range(1, 13)],
        "date": "%Y-%m-%d",
        "decimal": ".",
        "thousands": ",",
    },
}
