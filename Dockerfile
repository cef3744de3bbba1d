# kagraph app image for a team deployment (docker compose with Neo4j 5).
FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app.py serve.py ./
COPY .streamlit .streamlit
COPY graph graph
COPY ingest ingest
COPY app_pages app_pages
COPY ui ui
COPY locale locale
RUN useradd --create-home kagraph && chown -R kagraph /app
USER kagraph
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health')"
CMD ["streamlit", "run", "serve.py", "--server.headless=true", "--server.address=0.0.0.0", "--server.port=8501", "--browser.gatherUsageStats=false"]
