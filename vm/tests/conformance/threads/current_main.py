# current_thread() and main_thread(): identity inside and outside threads.
import threading

main = threading.main_thread()
print(main.name, main is threading.current_thread())
print("main alive:", main.is_alive(), "daemon:", main.daemon)
print("main ident matches:", main.ident == threading.get_ident())

seen = {}


def body():
    me = threading.current_thread()
    seen["same object"] = me is worker
    seen["main from worker"] = threading.main_thread() is main
    seen["worker is main"] = me is main
    seen["name"] = me.name


worker = threading.Thread(target=body, name="the-worker")
worker.start()
worker.join()
for k, v in seen.items():
    print(k, v)
print(threading.current_thread() is threading.main_thread())
