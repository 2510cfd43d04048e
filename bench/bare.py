"""The floor of the load benchmark: a bare page with one 100 × 100 surface, one line and a
slider (``streamlit run bench/bare.py``). Every dashboard page is compared with it."""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

n = st.slider("points", 10, 200, 100, 10)
xs = np.linspace(-2, 2, 100)
z = np.add.outer(xs**2, 3 * xs**2)
st.plotly_chart(go.Figure(go.Surface(x=xs, y=xs, z=z)), key="surface")
st.plotly_chart(go.Figure(go.Scatter(x=np.arange(n), y=np.sin(np.arange(n) / 9))), key="line")
